package dev.connecttasks.testkit.property;

/**
 * What a parallel stateful property runs: a model, a fresh system per history, and commands drawn
 * from the model's state. The prefix is drawn step by step from the states it reaches; the parallel
 * branches are all drawn from the state after the prefix, since their order is what is unknown.
 *
 * <p>{@code branch} lets a system stand for several processes: a machine over two services on one
 * database hands branch 0 the first and branch 1 the second.
 */
public interface ParallelStateMachine<M, S> {

    M initialState();

    S newSystem() throws Exception;

    /** The prefix's commands, drawn from the state reached so far. */
    Gen<? extends ParallelCommand<M, S, ?>> commands(M state);

    /** The branches' commands, all drawn from the state after the prefix: the prefix's unless some must not run concurrently. */
    default Gen<? extends ParallelCommand<M, S, ?>> branchCommands(M state) {
        return commands(state);
    }

    /** What branch {@code branch} (0, 1, 2; the prefix is -1) calls: the system itself unless the machine says otherwise. */
    default S forBranch(S system, int branch) {
        return system;
    }

    default void close(S system) throws Exception {
    }
}
