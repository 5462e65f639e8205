package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The combinators at their edges, and the linearization search on histories whose answer is known. */
class CombinatorEdgesTest {

    private static <T> List<T> draw(Gen<T> gen, int count) {
        RandomSource source = new RandomSource(42);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(gen.generate(source));
        }
        return values;
    }

    @Test
    void aRangeWhoseMinimumPassesItsMaximumIsRefusedByEveryCombinatorThatTakesOne() {
        assertThatThrownBy(() -> Gens.integers(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.longs(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.lists(Gens.integers(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gens.maps(Gens.integers(0, 9), Gens.integers(0, 1), 3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThat(draw(Gens.integers(7, 7), 5)).containsOnly(7);
    }

    @Test
    void booleansOneOfAndOptionalsReachEveryCase() {
        assertThat(draw(Gens.booleans(), 200)).contains(true, false);
        assertThat(draw(Gens.oneOf(Gens.constant("a"), Gens.constant("b"), Gens.integers(0, 0).map(n -> "c")), 200)).contains("a", "b", "c")
                .doesNotContainNull();
        List<Optional<Integer>> optionals = draw(Gens.optionals(Gens.integers(3, 4)), 200);
        assertThat(optionals).contains(Optional.empty()).doesNotContainNull();
        assertThat(optionals.stream().flatMap(Optional::stream)).contains(3, 4).allMatch(n -> n == 3 || n == 4);
    }

    @Test
    void combineOfThreeAndFourGeneratorsPassesEachValueToItsFunction() {
        assertThat(draw(Gens.combine(Gens.constant(1), Gens.constant(2), Gens.constant(3), (a, b, c) -> a * 100 + b * 10 + c), 3))
                .containsOnly(123);
        assertThat(draw(Gens.combine(Gens.constant(1), Gens.constant(2), Gens.constant(3), Gens.constant(4),
                (a, b, c, d) -> a * 1000 + b * 100 + c * 10 + d), 3)).containsOnly(1234);
    }

    @Test
    void mapsReachTheirMaximumSizeAndGiveUpOnTooFewDistinctKeysOnlyBelowTheirMinimum() {
        List<Map<Integer, Integer>> maps = draw(Gens.maps(Gens.integers(0, 99), Gens.integers(0, 1), 0, 4), 300);
        assertThat(maps).allMatch(m -> m.size() <= 4).anyMatch(m -> m.size() == 4).anyMatch(Map::isEmpty);
        // two distinct keys exist: a map of at most five settles for two; one of at least three cannot be made
        assertThat(draw(Gens.maps(Gens.integers(0, 1), Gens.constant(0), 2, 5), 50)).allMatch(m -> m.size() == 2);
        assertThatThrownBy(() -> draw(Gens.maps(Gens.integers(0, 1), Gens.constant(0), 3, 5), 1)).isInstanceOf(Discard.class);
    }

    @Test
    void frequencyPicksEveryWeightedGeneratorAndRefusesANothingToPickFrom() {
        Set<String> seen = new HashSet<>(draw(Gens.frequency(List.of(Gens.weighted(1, Gens.constant("rare")),
                Gens.weighted(30, Gens.constant("common")))), 2_000));
        assertThat(seen).containsExactlyInAnyOrder("rare", "common");
        assertThatThrownBy(() -> Gens.frequency(List.of(Gens.weighted(0, Gens.constant("never")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive total weight");
    }

    @Test
    void aCharacterRangeHoldsBothEnds() {
        assertThat(Gens.range('a', 'd')).isEqualTo("abcd");
        assertThat(Gens.range('x', 'x')).isEqualTo("x");
    }

    /** A register: write(v) answers "ok", read answers the value. */
    private record Op(String name, int value) implements ParallelCommand<Integer, Object, Integer> {
        @Override
        public Integer perform(Object system) {
            throw new UnsupportedOperationException("only the search is tested here");
        }

        @Override
        public Optional<Integer> next(Integer state, Integer answer) {
            if (name.equals("write")) {
                return Optional.of(value);
            }
            return answer.equals(state) ? Optional.of(state) : Optional.empty();
        }
    }

    private static Linearization.Call<Integer, ?, ?> call(int branch, String name, int value, Integer answer, long invoked, long returned) {
        return new Linearization.Call<>(branch, new Op(name, value), answer, invoked, returned);
    }

    @Test
    void aReadThatStartedAfterAWriteReturnedMustSeeIt() {
        var write = call(0, "write", 1, 0, 0, 1);
        var staleRead = call(1, "read", 0, 0, 2, 3);
        assertThat(Linearization.find(0, List.of(write, staleRead))).isEmpty();
        assertThat(Linearization.find(0, List.of(staleRead, write))).as("whatever the list's order").isEmpty();
        var freshRead = call(1, "read", 0, 1, 2, 3);
        assertThat(Linearization.find(0, List.of(freshRead, write))).hasValueSatisfying(order -> assertThat(order).containsExactly(write, freshRead));
    }

    @Test
    void overlappingCallsMayTakeEffectInEitherOrder() {
        var write = call(0, "write", 1, 0, 0, 3);
        var readBefore = call(1, "read", 0, 0, 1, 2);
        var readAfter = call(2, "read", 0, 1, 1, 4);
        assertThat(Linearization.find(0, List.of(write, readBefore, readAfter)))
                .hasValueSatisfying(order -> assertThat(order).containsExactly(readBefore, write, readAfter));
        var impossible = call(1, "read", 0, 2, 1, 2);
        assertThat(Linearization.find(0, List.of(write, impossible))).isEmpty();
    }

    @Test
    void theSearchTakesUpTo63Calls() {
        List<Linearization.Call<Integer, ?, ?>> calls = new ArrayList<>();
        for (int i = 0; i < 63; i++) {
            calls.add(call(i, "write", i, 0, 2L * i, 2L * i + 1));
        }
        assertThat(Linearization.find(0, calls)).hasValueSatisfying(order -> assertThat(order).hasSize(63));
        calls.add(call(63, "write", 63, 0, 200, 201));
        assertThatThrownBy(() -> Linearization.find(0, calls)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("63");
    }
}
