package dev.connecttasks.testkit.property;

/**
 * One step of a stateful property. {@link #run} performs the step on the system under test,
 * checks the system's answer against the model's, and returns the model's next state.
 * {@code toString()} is what the failure report prints for the step.
 *
 * @param <M> the model state (immutable)
 * @param <S> the system under test
 */
public interface Command<M, S> {

    /** Whether this step may run in this state; a shrunk sequence skips steps that no longer may. */
    default boolean precondition(M model) {
        return true;
    }

    M run(M model, S system) throws Exception;
}
