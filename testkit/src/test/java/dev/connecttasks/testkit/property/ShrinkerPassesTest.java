package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Each of the shrinker's passes reaches a minimum the others cannot: a failure that depends on
 * the values in a way only that edit keeps. Reported counterexamples are this small because of it.
 * The replays here are plain predicates over the choice values (each value's draw allowed up to 100).
 */
class ShrinkerPassesTest {

    private static final long MAX = 100;

    @Test
    void deletingChunksRemovesChoicesTheFailureDoesNotNeed() {
        assertThat(shrunk(values -> values.contains(3L), 1, 2, 3, 4, 5, 6, 7, 8, 9, 3)).containsExactly(3L);
    }

    @Test
    void aCountDrawnJustBeforeADeletedChunkDropsWithIt() {
        // the first value counts the ones after it, as a list's size does: deleting one alone never replays
        Predicate<List<Long>> countedListWithA7 = values -> !values.isEmpty() && values.get(0) == values.size() - 1 && values.contains(7L);
        assertThat(shrunk(countedListWithA7, 3, 1, 7, 2)).containsExactly(1L, 7L);
    }

    @Test
    void zeroingAChunkReachesValuesThatFailOnlyTogether() {
        Predicate<List<Long>> equalPair = values -> values.size() == 2 && values.get(0).equals(values.get(1));
        assertThat(shrunk(equalPair, 5, 5)).containsExactly(0L, 0L);
    }

    @Test
    void loweringAValueFindsTheLeastThatStillFails() {
        assertThat(shrunk(values -> values.size() == 1 && values.get(0) >= 37, 100)).containsExactly(37L);
        assertThat(shrunk(values -> values.size() == 2 && values.get(1) >= 37, 90, 100)).as("each value in turn").containsExactly(0L, 37L);
    }

    @Test
    void redistributingMovesValueToALaterChoiceWhenOnlyTheSumMatters() {
        Predicate<List<Long>> sumOfAPair = values -> values.size() == 2 && values.get(0) + values.get(1) >= 10;
        assertThat(shrunk(sumOfAPair, 7, 3)).containsExactly(0L, 10L);
    }

    @Test
    void redistributingStopsAtTheLaterChoicesLargestValue() {
        // fails as given, or with the second value at its largest: only moving 80 + 30 there, held at 100, shrinks it
        Predicate<List<Long>> givenOrSecondAtMost = values -> values.size() == 2
                && (values.get(0) == 80 && values.get(1) >= 30 || values.get(1) == MAX);
        assertThat(shrunk(givenOrSecondAtMost, 80, 30)).containsExactly(0L, 100L);
    }

    @Test
    void deletingSpansRemovesAMarkedUnitOfAnyLengthInOneEdit() {
        // units of three choices: no chunk of 8, 4, 2 or 1 deletes one and keeps the others whole
        Predicate<List<Long>> wholeUnitsWithA7 = values -> values.size() % 3 == 0 && values.contains(7L);
        java.util.function.Function<List<Long>, Optional<List<Choice>>> replay = values -> wholeUnitsWithA7.test(values)
                ? Optional.of(inUnitsOfThree(values)) : Optional.empty();
        Shrinker shrinker = new Shrinker(replay, 10_000);
        assertThat(Shrinker.values(shrinker.shrink(inUnitsOfThree(List.of(1L, 1L, 1L, 7L, 0L, 0L, 2L, 2L, 2L))))).as("one unit left, its 7 moved last").containsExactly(0L, 0L, 7L);
    }

    private static List<Choice> inUnitsOfThree(List<Long> values) {
        List<Choices.Span> spans = new ArrayList<>();
        for (int from = 0; from + 3 <= values.size(); from += 3) {
            spans.add(new Choices.Span(from, from + 3));
        }
        return new Choices(values.stream().map(v -> new Choice(v, MAX)).toList(), spans);
    }

    @Test
    void aSpentBudgetKeepsTheSmallestFailureFoundSoFar() {
        Shrinker none = new Shrinker(replay(values -> values.contains(3L)), 0);
        assertThat(none.shrink(choices(1, 2, 3))).extracting(Choice::value).containsExactly(1L, 2L, 3L);
        assertThat(none.runs()).isZero();
        assertThat(none.accepted()).isZero();
        Shrinker one = new Shrinker(replay(values -> true), 1);
        assertThat(one.shrink(choices(1, 2, 3, 4))).as("one replay: the four values deleted at once").isEmpty();
        assertThat(one.runs()).isEqualTo(1);
        assertThat(one.accepted()).isEqualTo(1);
    }

    @Test
    void aCandidateIsKeptOnlyWhenItsChoicesAreSmallerInShortlexOrder() {
        assertThat(Shrinker.smaller(choices(9), choices(0, 0))).as("fewer choices first").isTrue();
        assertThat(Shrinker.smaller(choices(0, 0), choices(9))).isFalse();
        assertThat(Shrinker.smaller(choices(1, 9), choices(2, 0))).as("then the first value that differs").isTrue();
        assertThat(Shrinker.smaller(choices(2, 0), choices(1, 9))).isFalse();
        assertThat(Shrinker.smaller(choices(1, 2), choices(1, 2))).as("equal: not smaller").isFalse();
        assertThat(Shrinker.smaller(choices(), choices())).isFalse();
    }

    private static List<Long> shrunk(Predicate<List<Long>> fails, long... start) {
        List<Long> starting = new ArrayList<>();
        for (long value : start) {
            starting.add(value);
        }
        assertThat(fails.test(starting)).as("the starting values fail").isTrue();
        return Shrinker.values(new Shrinker(replay(fails), 10_000).shrink(choices(start)));
    }

    /** A replay that fails when the predicate holds, using exactly the values it was given. */
    private static java.util.function.Function<List<Long>, Optional<List<Choice>>> replay(Predicate<List<Long>> fails) {
        return values -> fails.test(values) ? Optional.of(values.stream().map(v -> new Choice(v, MAX)).toList()) : Optional.empty();
    }

    private static List<Choice> choices(long... values) {
        List<Choice> out = new ArrayList<>();
        for (long value : values) {
            out.add(new Choice(value, MAX));
        }
        return out;
    }
}
