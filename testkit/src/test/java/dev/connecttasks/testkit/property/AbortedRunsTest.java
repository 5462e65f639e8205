package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * An unmet assumption inside a stateful run (a store whose database is not there) skips the test:
 * the runners throw it on once the run's system is closed, and never shrink it as a counterexample.
 */
class AbortedRunsTest {

    private static final TestAbortedException UNMET = new TestAbortedException("no database here");

    /** Counts the systems opened and closed and the commands run; every command's run throws {@link #UNMET}. */
    static final class Tally {
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger commands = new AtomicInteger();
    }

    @Test
    void aSequentialRunThrowsTheAssumptionOnAfterClosingItsSystemAndShrinksNothing() {
        Tally tally = new Tally();
        Command<Integer, Tally> unmet = new Command<>() {
            @Override
            public Integer run(Integer model, Tally system) {
                system.commands.incrementAndGet();
                throw UNMET;
            }
        };
        StateMachine<Integer, Tally> machine = new StateMachine<>() {
            public Integer initialState() {
                return 0;
            }

            public Tally newSystem() {
                tally.opened.incrementAndGet();
                return tally;
            }

            public Gen<Command<Integer, Tally>> commands(Integer state) {
                return source -> unmet;
            }

            public void close(Tally system) {
                system.closed.incrementAndGet();
            }
        };
        assertThatThrownBy(() -> StatefulProperty.of(machine).seed(1).tries(50).check()).isSameAs(UNMET);
        assertThat(tally.commands.get()).as("commands run: the first one, then no shrinking").isEqualTo(1);
        assertThat(tally.closed.get()).as("every system opened is closed").isEqualTo(tally.opened.get()).isPositive();
    }

    record Unmet() implements ParallelCommand<Integer, Tally, Integer> {
        @Override
        public Integer perform(Tally system) {
            system.commands.incrementAndGet();
            throw UNMET;
        }

        @Override
        public Optional<Integer> next(Integer state, Integer answer) {
            return Optional.of(state);
        }
    }

    @Test
    void aParallelRunThrowsTheAssumptionOnFromItsBranchesAfterClosingItsSystemAndShrinksNothing() {
        Tally tally = new Tally();
        ParallelStateMachine<Integer, Tally> machine = new ParallelStateMachine<>() {
            public Integer initialState() {
                return 0;
            }

            public Tally newSystem() {
                tally.opened.incrementAndGet();
                return tally;
            }

            public Gen<Unmet> commands(Integer state) {
                return source -> new Unmet();
            }

            public void close(Tally system) {
                system.closed.incrementAndGet();
            }
        };
        assertThatThrownBy(() -> ParallelStatefulProperty.of(machine).seed(1).tries(50).maxPrefix(0).repetitions(1).check())
                .isSameAs(UNMET);
        assertThat(tally.opened.get()).as("histories run: the first one only").isEqualTo(1);
        assertThat(tally.closed.get()).as("its system is closed").isEqualTo(1);
        assertThat(tally.commands.get()).as("the calls of that one history's branches").isBetween(1, 8);
    }
}
