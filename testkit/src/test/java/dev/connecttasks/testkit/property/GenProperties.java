package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The engine's combinators, tested as properties of their own. */
class GenProperties {

    private record StringSpec(String charset, int min, int max, int threshold) {
    }

    private static final Gen<StringSpec> STRING_SPECS = Gens.integers(0, 20).flatMap(min ->
            Gens.integers(min, min + 40).flatMap(max ->
                    Gens.combine(Gens.elements("ab", "xyz", Gens.range('0', '9')), Gens.integers(0, max),
                            (charset, threshold) -> new StringSpec(charset, min, max, threshold))));

    @Test
    void everyValueSeenWhileShrinkingStaysInsideTheGeneratorsDomain() {
        Property.forAll(STRING_SPECS).tries(60).check(spec -> {
            List<String> seen = new ArrayList<>();
            try {
                Property.forAll(Gens.strings(spec.charset(), spec.min(), spec.max())).tries(50).named("inner").check(s -> {
                    seen.add(s);
                    assertThat(s.length()).isLessThan(Math.max(spec.threshold(), spec.min() + 1));
                });
            } catch (PropertyFailedError expected) {
                assertThat(expected.shrunkCounterexample())
                        .hasSize(Math.max(spec.threshold(), spec.min() + 1))
                        .matches("[" + spec.charset().charAt(0) + "]*");
            }
            assertThat(seen).isNotEmpty().allSatisfy(s -> {
                assertThat(s.length()).isBetween(spec.min(), spec.max());
                assertThat(s.chars()).allMatch(c -> spec.charset().indexOf(c) >= 0);
            });
        });
    }

    @Test
    void integersShrunkStayInRange() {
        Gen<long[]> ranges = Gens.longs(-1_000_000, 1_000_000).flatMap(min ->
                Gens.longs(min, min + 5_000_000).map(max -> new long[] {min, max}));
        Property.forAll(ranges).tries(100).check(range -> {
            List<Long> seen = new ArrayList<>();
            try {
                Property.forAll(Gens.longs(range[0], range[1])).named("inner").check(n -> {
                    seen.add(n);
                    assertThat(n).isLessThan(range[0] + (range[1] - range[0]) / 2);
                });
            } catch (PropertyFailedError expected) {
                assertThat(Long.parseLong(expected.shrunkCounterexample())).isEqualTo(range[0] + (range[1] - range[0]) / 2);
            }
            assertThat(seen).allMatch(n -> n >= range[0] && n <= range[1]);
        });
    }

    @Test
    void replayingASeedReproducesTheSameValues() {
        Gen<Object> gen = Gens.oneOf(Gens.strings("abc", 0, 10), Gens.lists(Gens.integers(-3, 3), 0, 5),
                Gens.maps(Gens.strings("kv", 1, 3), Gens.booleans(), 0, 4));
        Property.forAll(Gens.longs(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2)).tries(50).check(seed -> {
            List<Object> first = new ArrayList<>();
            List<Object> second = new ArrayList<>();
            Property.forAll(gen).seed(seed).tries(20).named("inner").check(first::add);
            Property.forAll(gen).seed(seed).tries(20).named("inner").check(second::add);
            assertThat(second).isEqualTo(first).hasSize(20);
        });
    }

    @Test
    void theSeedSystemPropertyOverridesTheDefaultSoReportsReplay() {
        String before = System.getProperty(Seeds.SEED_PROPERTY);
        try {
            System.setProperty(Seeds.SEED_PROPERTY, "424242");
            List<Integer> first = new ArrayList<>();
            List<Integer> second = new ArrayList<>();
            Property.forAll(Gens.integers(0, 1_000_000)).named("a").tries(10).check(first::add);
            Property.forAll(Gens.integers(0, 1_000_000)).named("b").seed(9).tries(10).check(second::add);
            assertThat(second).isEqualTo(first);
            assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 10)).check(n -> assertThat(n).isNegative()))
                    .isInstanceOf(PropertyFailedError.class).hasMessageContaining("-Dproperty.seed=424242");
        } finally {
            restore(Seeds.SEED_PROPERTY, before);
        }
    }

    @Test
    void edgeBiasReachesMinimumAndMaximumLengthsAndBoundaryNumbers() {
        Set<Integer> lengths = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        Property.forAll(Gens.strings("ab", 3, 200)).tries(300).check(s -> lengths.add(s.length()));
        Property.forAll(Gens.integers(-5, 1000)).tries(300).check(numbers::add);
        assertThat(lengths).contains(3, 200);
        assertThat(numbers).contains(-5, -4, 999, 1000);
    }

    @Test
    void listsAndMapsRespectTheirSizeBounds() {
        Property.forAll(Gens.combine(Gens.integers(0, 5), Gens.integers(0, 10), (a, b) -> new int[] {a, a + b})).tries(100).check(bounds -> {
            Property.forAll(Gens.lists(Gens.booleans(), bounds[0], bounds[1])).named("lists").tries(20)
                    .check(list -> assertThat(list.size()).isBetween(bounds[0], bounds[1]));
            Property.forAll(Gens.maps(Gens.integers(0, 1000), Gens.booleans(), bounds[0], bounds[1])).named("maps").tries(20)
                    .check((Map<Integer, Boolean> map) -> assertThat(map.size()).isBetween(bounds[0], bounds[1]));
        });
    }

    @Test
    void frequencyNeverPicksAZeroWeightAndFiltersGiveUpBoundedly() {
        Gen<String> weighted = Gens.frequency(List.of(Gens.weighted(0, Gens.constant("never")), Gens.weighted(3, Gens.constant("a")),
                Gens.weighted(1, Gens.constant("b"))));
        Set<String> seen = new HashSet<>();
        Property.forAll(weighted).tries(200).check(seen::add);
        assertThat(seen).containsExactlyInAnyOrder("a", "b");

        assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 10).filter(n -> n > 10)).check(n -> { }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("too many discarded tries");
    }

    @Test
    void aPassingPropertyRunsItsBodyExactlyTriesTimes() {
        int[] calls = {0};
        Property.forAll(Gens.integers(0, 3)).tries(37).check(n -> calls[0]++);
        assertThat(calls[0]).isEqualTo(37);
    }

    @Test
    void theMaximumTriesPropertyCapsEachCountAndLeavesSmallerOnesAlone() {
        String tries = System.getProperty(Seeds.TRIES_PROPERTY);
        String max = System.getProperty(Seeds.MAX_TRIES_PROPERTY);
        try {
            System.clearProperty(Seeds.TRIES_PROPERTY);
            System.setProperty(Seeds.MAX_TRIES_PROPERTY, "7");
            assertThat(runs(37)).isEqualTo(7);
            assertThat(runs(3)).isEqualTo(3);
            System.setProperty(Seeds.TRIES_PROPERTY, "50");
            assertThat(runs(3)).as("an override is capped too").isEqualTo(7);
            System.setProperty(Seeds.MAX_TRIES_PROPERTY, "0");
            assertThatThrownBy(() -> runs(3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dproperty.tries.max");
        } finally {
            restore(Seeds.TRIES_PROPERTY, tries);
            restore(Seeds.MAX_TRIES_PROPERTY, max);
        }
    }

    private static int runs(int declared) {
        int[] calls = {0};
        Property.forAll(Gens.integers(0, 3)).tries(declared).check(n -> calls[0]++);
        return calls[0];
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    @Test
    void anUnmetAssumptionInATrySkipsTheTestAndIsNeitherShrunkNorReportedAsAFailure() {
        int[] calls = {0};
        TestAbortedException unmet = new TestAbortedException("no database here");
        assertThatThrownBy(() -> Property.forAll(Gens.integers(0, 1000)).tries(50).check(n -> {
            calls[0]++;
            throw unmet;
        })).isSameAs(unmet);
        assertThat(calls[0]).as("tries after the first").isEqualTo(1);
    }
}
