package dev.connecttasks.testkit.property;

import java.util.Optional;

/**
 * One call of a parallel stateful property, split in the two halves a linearizability check needs:
 * {@link #perform} makes the call on the system and returns what it answered (a refusal too, as a
 * value), with no assertion; {@link #next} says whether that answer is one the model allows in a
 * given state, and the state after it. The checker then looks for an order of the calls, consistent
 * with real time, in which every answer is allowed. {@code toString()} is what a report prints.
 *
 * @param <M> the model state: immutable, with value equality (a record), since the search memoizes states
 * @param <S> the system under test
 * @param <R> an answer: compared and printed, so a value type
 */
public interface ParallelCommand<M, S, R> {

    R perform(S system) throws Exception;

    /** The model's state after this call answered {@code answer} in {@code state}; empty when the model does not allow that answer there. */
    Optional<M> next(M state, R answer);
}
