package dev.connecttasks.testkit.property;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A property over generated values, run from an ordinary JUnit test:
 * <pre>{@code Property.forAll(Gens.integers(0, 10)).tries(200).check(n -> assertThat(n).isLessThan(11));}</pre>
 * A failure is shrunk and reported with the seed that reproduces it.
 */
public final class Property<T> {

    /** Discarded tries (filters that gave up) allowed per try before the property itself fails. */
    private static final int DISCARDS_PER_TRY = 10;

    private final Gen<T> gen;
    private int tries = 100;
    private Long seed;
    private String name;
    private int shrinkBudget = 5_000;

    private Property(Gen<T> gen) {
        this.gen = gen;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen);
    }

    public Property<T> tries(int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("tries must be >= 1");
        }
        this.tries = tries;
        return this;
    }

    /** A fixed seed for this property; {@code -Dproperty.seed} still wins, so reports replay. */
    public Property<T> seed(long seed) {
        this.seed = seed;
        return this;
    }

    public Property<T> named(String name) {
        this.name = name;
        return this;
    }

    public Property<T> shrinkBudget(int replays) {
        this.shrinkBudget = replays;
        return this;
    }

    @FunctionalInterface
    public interface Check<T> {
        void accept(T value) throws Throwable;
    }

    public void check(Check<? super T> body) {
        String propertyName = name != null ? name : Seeds.callerName();
        long effectiveSeed = Seeds.resolve(propertyName, seed);
        int effectiveTries = Seeds.tries(tries);
        SplittableRandom master = new SplittableRandom(effectiveSeed);
        int discards = 0;
        for (int done = 0; done < effectiveTries; ) {
            RandomSource source = new RandomSource(master.nextLong());
            T value;
            try {
                value = gen.generate(source);
            } catch (Discard | Overrun e) {
                if (++discards > effectiveTries * DISCARDS_PER_TRY) {
                    throw new AssertionError("Property " + propertyName + " (seed " + effectiveSeed
                            + "): too many discarded tries (" + discards + "); loosen the generator's filters", e);
                }
                continue;
            }
            done++;
            Throwable failure = run(body, value);
            if (failure != null) {
                throw report(propertyName, effectiveSeed, done, body, value, failure, source.recorded());
            }
        }
    }

    private PropertyFailedError report(String propertyName, long effectiveSeed, int tryNumber, Check<? super T> body,
                                       T original, Throwable failure, List<Choice> choices) {
        Class<?> kind = failure.getClass();
        Shrinker shrinker = new Shrinker(values -> replay(values, body, kind).map(Replayed::choices), shrinkBudget);
        List<Choice> minimal = shrinker.shrink(choices);
        Replayed<T> shrunk = replay(Shrinker.values(minimal), body, kind)
                .orElseThrow(() -> new IllegalStateException("the shrunk case no longer fails on replay"));
        String shrunkText = String.valueOf(shrunk.value());
        String message = "Property " + propertyName + " falsified on try " + tryNumber
                + " (seed " + effectiveSeed + "; replay with -D" + Seeds.SEED_PROPERTY + "=" + effectiveSeed + ")\n"
                + "Original counterexample: " + original + "\n"
                + "Shrunk counterexample (" + shrinker.accepted() + " steps, " + shrinker.runs() + " replays): " + shrunkText + "\n"
                + "Failure of the shrunk counterexample: " + shrunk.failure();
        return new PropertyFailedError(message, effectiveSeed, shrunkText, shrunk.failure());
    }

    private Optional<Replayed<T>> replay(List<Long> values, Check<? super T> body, Class<?> kind) {
        ReplaySource source = new ReplaySource(values);
        T value;
        try {
            value = gen.generate(source);
        } catch (Discard | Overrun e) {
            return Optional.empty();
        }
        Throwable failure = run(body, value);
        if (failure == null || failure.getClass() != kind) {
            return Optional.empty();
        }
        return Optional.of(new Replayed<>(value, failure, source.recorded()));
    }

    private static <T> Throwable run(Check<? super T> body, T value) {
        try {
            body.accept(value);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (VirtualMachineError) t;
            }
            return RunEndings.unlessAborted(t);
        }
    }

    private record Replayed<T>(T value, Throwable failure, List<Choice> choices) {
    }
}
