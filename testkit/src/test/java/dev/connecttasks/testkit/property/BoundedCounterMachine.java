package dev.connecttasks.testkit.property;

import static org.assertj.core.api.Assertions.assertThat;

/** A counter that must never pass its limit; with {@code offByOne} it accepts one increment too many. */
final class BoundedCounterMachine implements StateMachine<Integer, BoundedCounterMachine.Counter> {

    private final int limit;
    private final boolean offByOne;

    BoundedCounterMachine(int limit, boolean offByOne) {
        this.limit = limit;
        this.offByOne = offByOne;
    }

    static final class Counter {
        private final int limit;
        private final boolean offByOne;
        private int value;

        Counter(int limit, boolean offByOne) {
            this.limit = limit;
            this.offByOne = offByOne;
        }

        boolean increment() {
            if (offByOne ? value <= limit : value < limit) {
                value++;
                return true;
            }
            return false;
        }

        void decrement() {
            value--;
        }

        void reset() {
            value = 0;
        }
    }

    @Override
    public Integer initialState() {
        return 0;
    }

    @Override
    public Counter newSystem() {
        return new Counter(limit, offByOne);
    }

    @Override
    public Gen<Command<Integer, Counter>> commands(Integer state) {
        return Gens.elements(INC, DEC, RESET);
    }

    @Override
    public void invariants(Integer state, Counter system) {
        assertThat(system.value).isEqualTo(state).isLessThanOrEqualTo(limit);
    }

    private static final Command<Integer, Counter> INC = new Command<>() {
        @Override
        public Integer run(Integer model, Counter system) {
            system.increment();
            return Math.min(model + 1, system.limit);
        }

        @Override
        public String toString() {
            return "inc";
        }
    };

    private static final Command<Integer, Counter> DEC = new Command<>() {
        @Override
        public boolean precondition(Integer model) {
            return model > 0;
        }

        @Override
        public Integer run(Integer model, Counter system) {
            system.decrement();
            return model - 1;
        }

        @Override
        public String toString() {
            return "dec";
        }
    };

    private static final Command<Integer, Counter> RESET = new Command<>() {
        @Override
        public Integer run(Integer model, Counter system) {
            system.reset();
            return 0;
        }

        @Override
        public String toString() {
            return "reset";
        }
    };
}
