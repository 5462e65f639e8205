package dev.connecttasks.testkit.property;

import org.opentest4j.TestAbortedException;

/** How a run's end is judged: the same for sequential and parallel stateful runs, and (an unmet assumption) for single-value properties. */
final class RunEndings {

    /** Closes a run's system; {@link #close} may throw. */
    @FunctionalInterface
    interface Closer {
        void close() throws Exception;
    }

    private RunEndings() {
    }

    /**
     * The failure a throwable of a run stands for: none when generation gave up ({@link Discard},
     * {@link Overrun}: the run ends there); a VirtualMachineError other than a stack overflow is no
     * verdict on the system and is thrown on.
     */
    static Throwable failureOf(Throwable thrown) {
        if (thrown instanceof Discard || thrown instanceof Overrun) {
            return null;
        }
        if (thrown instanceof VirtualMachineError error && !(thrown instanceof StackOverflowError)) {
            throw error;
        }
        return thrown;
    }

    /**
     * Throws an unmet assumption on (a database that is not there), once a stateful run's system is
     * closed: it says the run cannot be made, not that the value or steps are a counterexample, so the test is skipped
     * as it would be outside a property, and nothing is shrunk.
     */
    static Throwable unlessAborted(Throwable failure) {
        if (failure instanceof TestAbortedException aborted) {
            throw aborted;
        }
        return failure;
    }

    /** Closes the system (when there is one); a failing close is the run's failure unless it already had one. */
    static Throwable closed(boolean hasSystem, Closer closer, Throwable failure) {
        if (!hasSystem) {
            return failure;
        }
        try {
            closer.close();
        } catch (Exception e) {
            return failure != null ? failure : e;
        }
        return failure;
    }
}
