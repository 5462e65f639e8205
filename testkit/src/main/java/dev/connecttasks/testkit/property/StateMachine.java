package dev.connecttasks.testkit.property;

/**
 * The description a stateful property runs: a model, a fresh system per sequence, state-dependent
 * command generation and invariants checked after every step.
 */
public interface StateMachine<M, S> {

    M initialState();

    S newSystem() throws Exception;

    /** Commands are generated from the current model state, so later steps can use earlier results. */
    Gen<? extends Command<M, S>> commands(M state);

    /** Throws (an AssertionError, typically) when the system and model disagree on any invariant. */
    default void invariants(M state, S system) throws Exception {
    }

    default void close(S system) throws Exception {
    }
}
