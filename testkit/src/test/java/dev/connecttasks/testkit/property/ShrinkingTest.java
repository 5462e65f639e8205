package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Planted bugs: the engine must find them and shrink them to the minimal counterexample. */
class ShrinkingTest {

    @Test
    void listSumAboveOneHundredShrinksToASingleElementOf101() {
        PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                Property.forAll(Gens.lists(Gens.integers(0, 1000), 0, 50))
                        .seed(1)
                        .check(list -> assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(100)));

        assertThat(error).isNotNull();
        assertThat(error.shrunkCounterexample()).isEqualTo("[101]");
        assertThat(error.getMessage()).contains("seed 1", "Original counterexample", "Shrunk counterexample");
    }

    @Test
    void listSumShrinksToTheSameMinimumFromManySeeds() {
        for (long seed = 0; seed < 20; seed++) {
            long s = seed;
            PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                    Property.forAll(Gens.lists(Gens.integers(0, 1000), 0, 50)).seed(s)
                            .check(list -> assertThat(list.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(100)));
            assertThat(error.shrunkCounterexample()).as("seed %d", seed).isEqualTo("[101]");
        }
    }

    @Test
    void aPairWhoseSumIsTooLargeShrinksToNothingInTheFirstAndTheLeastSumInTheSecond() {
        for (long seed = 0; seed < 10; seed++) {
            long s = seed;
            PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                    Property.forAll(Gens.lists(Gens.integers(0, 1000), 2, 2)).seed(s)
                            .check(pair -> assertThat(pair.get(0) + pair.get(1)).isLessThanOrEqualTo(100)));
            assertThat(error.shrunkCounterexample()).as("seed %d", seed).isEqualTo("[0, 101]");
        }
    }

    @Test
    void theReportCountsTheShrinksAcceptedAndTheReplaysSpent() {
        PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                Property.forAll(Gens.integers(0, 1_000_000)).seed(4).check(n -> assertThat(n).isLessThan(1000)));
        assertThat(error.shrunkCounterexample()).isEqualTo("1000");
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("\\((\\d+) steps, (\\d+) replays\\)").matcher(error.getMessage());
        assertThat(counts.find()).as(error.getMessage()).isTrue();
        int accepted = Integer.parseInt(counts.group(1));
        int replays = Integer.parseInt(counts.group(2));
        assertThat(accepted).as("shrinks accepted on the way from a large value to 1000").isGreaterThan(3);
        assertThat(replays).as("replays: every accepted shrink was one").isGreaterThanOrEqualTo(accepted);
    }

    @Test
    void stringsShrinkToTheShortestOffendingString() {
        PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                Property.forAll(Gens.strings(Gens.range('a', 'z'), 0, 30))
                        .seed(7)
                        .check(s -> assertThat(s).doesNotContain("q")));

        assertThat(error.shrunkCounterexample()).isEqualTo("q");
    }

    @Test
    void dependentGenerationShrinksThroughFlatMap() {
        Gen<List<Integer>> sized = Gens.integers(1, 10).flatMap(n -> Gens.lists(Gens.integers(0, 100), n, n));

        PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                Property.forAll(sized).seed(3).check(list -> assertThat(list).allMatch(x -> x <= 50)));

        assertThat(error.shrunkCounterexample()).isEqualTo("[51]");
    }

    @Test
    void boundedCounterOffByOneShrinksToTheShortestFailingSequence() {
        PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                StatefulProperty.of(new BoundedCounterMachine(5, true)).seed(11).tries(200).maxSteps(50).check());

        assertThat(error).isNotNull();
        assertThat(error.shrunkCounterexample().lines().toList())
                .containsExactly("  1. inc", "  2. inc", "  3. inc", "  4. inc", "  5. inc", "  6. inc");
        assertThat(error.getMessage()).contains("Shrunk to 6 steps", "seed 11");
    }

    @Test
    void boundedCounterWithoutTheBugPassesAndRunsManySteps() {
        long steps = StatefulProperty.of(new BoundedCounterMachine(5, false)).tries(100).maxSteps(50).check();

        assertThat(steps).isGreaterThan(1000);
    }

    @Test
    void aFailureOfADifferentKindIsNotAcceptedAsAShrink() {
        // the body fails with two kinds of error; shrinking must stay with the kind first seen
        assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 1000)).seed(5).check(n -> {
            if (n > 500) {
                throw new IllegalStateException("big " + n);
            }
            if (n > 0) {
                throw new AssertionError("small " + n);
            }
        })).isInstanceOf(PropertyFailedError.class)
                .satisfies(e -> assertThat(e.getCause().getClass()).isIn(IllegalStateException.class, AssertionError.class))
                .satisfies(e -> {
                    String shrunk = ((PropertyFailedError) e).shrunkCounterexample();
                    assertThat(shrunk).isIn("1", "501");
                });
    }

    /** A step of a user's own property: an operation name and the attributes it carries. */
    record Step(String operation, java.util.Map<String, String> attributes) {
    }

    /**
     * A user's property over lists of records holding maps, failing from 14 steps on: the minimum is
     * 14 steps of the first operation with empty maps, reached within the default budget from every
     * seed tried. The engine once stopped at 17 steps with map entries left, its budget spent.
     */
    @Test
    void listsOfRecordsWithMapsShrinkToTheMinimalLengthWithEmptyMaps() {
        Gen<Step> step = Gens.combine(Gens.elements("start", "update", "stop", "describe"),
                Gens.maps(Gens.strings(Gens.range('a', 'z'), 1, 6), Gens.strings(Gens.range('a', 'z') + "😀 ", 0, 12), 0, 4), Step::new);
        String minimal = java.util.Collections.nCopies(14, new Step("start", java.util.Map.of())).toString();
        for (long seed = 0; seed < 10; seed++) {
            long s = seed;
            PropertyFailedError error = catchThrowableOfType(PropertyFailedError.class, () ->
                    Property.forAll(Gens.lists(step, 0, 60, 20)).seed(s).tries(200)
                            .check(steps -> assertThat(steps).hasSizeLessThan(14)));
            assertThat(error).as("seed %d found no failure", seed).isNotNull();
            assertThat(error.shrunkCounterexample()).as("seed %d: %s", seed, error.getMessage().lines().filter(l -> l.startsWith("Shrunk"))
                    .findFirst().orElse("")).isEqualTo(minimal);
            java.util.regex.Matcher replays = java.util.regex.Pattern.compile("steps, (\\d+) replays\\)").matcher(error.getMessage());
            assertThat(replays.find()).isTrue();
            assertThat(Integer.parseInt(replays.group(1))).as("seed %d: the minimum is reached before the budget of 5,000 is spent", seed)
                    .isLessThan(5_000);
        }
    }
}
