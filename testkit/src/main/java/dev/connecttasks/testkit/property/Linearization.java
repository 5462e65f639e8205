package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The search for an order of concurrent calls that explains their answers: each call takes effect
 * at one instant between its invocation and its response (so a call that returned before another
 * was invoked comes first), and in that order every answer is one the model allows. Depth-first
 * over the calls that may come next, with the visited (calls done, model state) pairs remembered,
 * so each state is explored once however many orders reach it.
 */
final class Linearization {

    /** One call as it happened: {@code invoked} and {@code returned} are ticks of one counter shared by every branch. */
    record Call<M, S, R>(int branch, ParallelCommand<M, S, R> command, R answer, long invoked, long returned) {

        Optional<M> applyTo(M state) {
            return command.next(state, answer);
        }

        @Override
        public String toString() {
            return command + " -> " + answer;
        }
    }

    private record Visit<M>(long done, M state) {
    }

    private Linearization() {
    }

    /** An order of {@code calls} (at most 63) from {@code state} that explains every answer, or empty when there is none. */
    static <M> Optional<List<Call<M, ?, ?>>> find(M state, List<Call<M, ?, ?>> calls) {
        if (calls.size() > 63) {
            throw new IllegalArgumentException("at most 63 concurrent calls, not " + calls.size());
        }
        List<Call<M, ?, ?>> order = new ArrayList<>();
        return search(state, calls, 0L, order, new HashSet<>()) ? Optional.of(List.copyOf(order)) : Optional.empty();
    }

    private static <M> boolean search(M state, List<Call<M, ?, ?>> calls, long done, List<Call<M, ?, ?>> order, Set<Visit<M>> visited) {
        if (order.size() == calls.size()) {
            return true;
        }
        if (!visited.add(new Visit<>(done, state))) {
            return false;
        }
        long earliestReturn = Long.MAX_VALUE;
        for (int i = 0; i < calls.size(); i++) {
            if ((done & (1L << i)) == 0) {
                earliestReturn = Math.min(earliestReturn, calls.get(i).returned());
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            Call<M, ?, ?> call = calls.get(i);
            // a call may take effect next only if no call still pending had already returned when it was invoked
            if ((done & (1L << i)) != 0 || call.invoked() > earliestReturn) {
                continue;
            }
            Optional<M> next = call.applyTo(state);
            if (next.isPresent()) {
                order.add(call);
                if (search(next.get(), calls, done | (1L << i), order, visited)) {
                    return true;
                }
                order.remove(order.size() - 1);
            }
        }
        return false;
    }
}
