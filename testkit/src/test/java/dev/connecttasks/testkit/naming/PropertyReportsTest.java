package dev.connecttasks.testkit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.testkit.property.Command;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.property.PropertyFailedError;
import dev.connecttasks.testkit.property.Seeds;
import dev.connecttasks.testkit.property.StateMachine;
import dev.connecttasks.testkit.property.StatefulProperty;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine as a user's test meets it, from outside its package (the default name is taken from
 * the first caller outside the engine; {@link PropertyNamingTest} has the test-method cases): what a failing property tells its user (its name, its seed), and how the engine ends a run: discards, invariants, closing. */
class PropertyReportsTest {

    @Test
    void outsideATestMethodThePropertyIsNamedAfterItsFirstCallerThatIsNoLambdaNorLibrary() throws Exception {
        assertThat(failureOnAThreadOfItsOwn(Helper::check)).hasMessageStartingWith("Property PropertyReportsTest.Helper#check ");
    }

    @Test
    void calledBackByTheJdkThePropertyIsNamedAfterTheMethodThatCalledTheJdk() throws Exception {
        assertThat(failureOnAThreadOfItsOwn(Helper::viaTheJdk)).hasMessageStartingWith("Property PropertyReportsTest.Helper#viaTheJdk ");
    }

    @Test
    void writtenOnlyInALambdaThePropertyIsNamedAfterTheMethodTheLambdaIsWrittenIn() throws Exception {
        assertThat(failureOnAThreadOfItsOwn(lambdaWrittenHere())).hasMessageStartingWith("Property PropertyReportsTest#lambdaWrittenHere ");
    }

    @Test
    void theDefaultSeedIsTheFnv1aHashOfTheNameSoItNeverChangesBetweenRunsOrJdks() {
        String configured = System.getProperty(Seeds.SEED_PROPERTY);
        System.clearProperty(Seeds.SEED_PROPERTY);
        try {
            PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class,
                    () -> Property.forAll(Gens.integers(0, 9)).named("a").check(n -> assertThat(n).isNegative()));
            assertThat(failure.seed()).isEqualTo(-5808556873153909620L);
            assertThat(failure).hasMessageContaining("(seed -5808556873153909620; replay with -Dproperty.seed=-5808556873153909620)");
            assertThat(catchThrowableOfType(PropertyFailedError.class,
                    () -> Property.forAll(Gens.integers(0, 9)).named("seed name").check(n -> assertThat(n).isNegative())).seed())
                    .isEqualTo(4340521398389841503L);
        } finally {
            restore(Seeds.SEED_PROPERTY, configured);
        }
    }

    @Test
    void aRandomSeedIsDrawnAnewForEachRunAndReported() {
        String configured = System.getProperty(Seeds.SEED_PROPERTY);
        System.setProperty(Seeds.SEED_PROPERTY, "random");
        try {
            long first = catchThrowableOfType(PropertyFailedError.class,
                    () -> Property.forAll(Gens.integers(0, 9)).named("r").check(n -> assertThat(n).isNegative())).seed();
            long second = catchThrowableOfType(PropertyFailedError.class,
                    () -> Property.forAll(Gens.integers(0, 9)).named("r").check(n -> assertThat(n).isNegative())).seed();
            assertThat(first).isNotEqualTo(second).isNotEqualTo(-5808535982432973611L);
        } finally {
            restore(Seeds.SEED_PROPERTY, configured);
        }
    }

    @Test
    void aGeneratorThatDiscardsEveryValueGivesUpAfterTenDiscardsATry() {
        AtomicInteger drawn = new AtomicInteger();
        Gen<Integer> nothing = Gens.integers(0, 9).map(n -> drawn.incrementAndGet()).filter(n -> false);
        assertThatThrownBy(() -> Property.forAll(nothing).tries(7).named("d").check(n -> { }))
                .isInstanceOf(AssertionError.class).hasMessageContaining("too many discarded tries (71)");
        assertThat(drawn.get()).as("values drawn: ten discards a try are allowed, the 71st gives up").isGreaterThanOrEqualTo(71);
    }

    @Test
    void aGeneratorThatDiscardsSomeValuesStillRunsEveryTry() {
        AtomicInteger runs = new AtomicInteger();
        Property.forAll(Gens.integers(0, 9).filter(n -> n % 2 == 0)).tries(50).check(n -> {
            runs.incrementAndGet();
            assertThat(n % 2).isZero();
        });
        assertThat(runs).hasValue(50);
    }

    @Test
    void aSmallerShrinkBudgetSpendsAtMostThatManyReplays() {
        PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class, () -> Property.forAll(Gens.lists(Gens.integers(0, 1000), 0, 50))
                .named("budget").shrinkBudget(3).check(list -> assertThat(list).hasSizeLessThan(5)));
        assertThat(failure.getMessage()).containsPattern("\\(\\d+ steps, [0-3] replays\\)");
    }

    @Test
    void aStatefulRunFailsWhenTheInitialStateAlreadyBreaksAnInvariantAndClosesEverySystemItOpened() {
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        StateMachine<Integer, Object> broken = new StateMachine<>() {
            @Override
            public Integer initialState() {
                return 0;
            }

            @Override
            public Object newSystem() {
                opened.incrementAndGet();
                return new Object();
            }

            @Override
            public Gen<? extends Command<Integer, Object>> commands(Integer state) {
                return Gens.constant(new Command<>() {
                    @Override
                    public Integer run(Integer model, Object system) {
                        return model;
                    }
                });
            }

            @Override
            public void invariants(Integer state, Object system) {
                throw new AssertionError("broken from the start");
            }

            @Override
            public void close(Object system) {
                closed.incrementAndGet();
            }
        };
        PropertyFailedError failure = catchThrowableOfType(PropertyFailedError.class,
                () -> StatefulProperty.of(broken).named("initial").tries(5).check());
        assertThat(failure).hasMessageContaining("Stateful property initial falsified on sequence 1").hasMessageContaining("Shrunk to 0 steps")
                .hasMessageContaining("broken from the start");
        assertThat(closed.get()).as("systems closed").isEqualTo(opened.get()).isPositive();
    }

    private static Runnable lambdaWrittenHere() {
        return () -> Property.forAll(Gens.integers(0, 9)).check(n -> assertThat(n).isNegative());
    }

    private static PropertyFailedError failureOnAThreadOfItsOwn(Runnable property) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                property.run();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thread.start();
        thread.join();
        assertThat(thrown.get()).isInstanceOf(PropertyFailedError.class);
        return (PropertyFailedError) thrown.get();
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    static final class Helper {
        static void check() {
            Property.forAll(Gens.integers(0, 9)).check(n -> assertThat(n).isNegative());
        }

        static void viaTheJdk() {
            java.util.List.of(1).forEach(one -> Property.forAll(Gens.integers(0, 9)).check(n -> assertThat(n).isNegative()));
        }
    }
}
