package dev.connecttasks.testkit.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence. Candidates are edits of the sequence (delete a unit a generator
 * marked deletable, delete a chunk, zero a
 * chunk, lower one value, move value from one choice to a later one); a candidate is kept when its
 * replay still fails the same way and its recorded choices are smaller in shortlex order (fewer
 * choices first, then smaller values). The order is well-founded, so shrinking always ends.
 */
final class Shrinker {

    private static final int[] CHUNKS = {8, 4, 2, 1};
    private static final int REDISTRIBUTE_WINDOW = 8;

    private final Function<List<Long>, Optional<List<Choice>>> replayStillFails;
    private final int budget;
    private int runs;
    private int accepted;
    private List<Choice> best;

    /**
     * @param replayStillFails replays a candidate and returns the choices it actually used when it
     *                         still fails the same way, or empty when it passes or cannot be built
     * @param budget           the most replays shrinking may spend
     */
    Shrinker(Function<List<Long>, Optional<List<Choice>>> replayStillFails, int budget) {
        this.replayStillFails = replayStillFails;
        this.budget = budget;
    }

    List<Choice> shrink(List<Choice> failing) {
        best = failing;
        boolean improved = true;
        while (improved && runs < budget) {
            improved = deleteSpans() | deleteChunks() | zeroChunks() | lowerValues() | redistribute();
        }
        return best;
    }

    int runs() {
        return runs;
    }

    int accepted() {
        return accepted;
    }

    /**
     * Deletes the units generators marked (list elements, map entries), one replay each however
     * many choices a unit holds. A pass goes from the end of the sequence to its start, so that a
     * deletion leaves the spans before it where they were; a span around a deleted one waits for the
     * next pass, which reads the spans of the sequence as it is then.
     */
    private boolean deleteSpans() {
        boolean improved = false;
        boolean again = true;
        while (again && runs < budget) {
            again = false;
            List<Choices.Span> spans = new ArrayList<>(Choices.spansOf(best));
            spans.sort(java.util.Comparator.comparingInt(Choices.Span::from).reversed()
                    .thenComparing(java.util.Comparator.comparingInt(Choices.Span::length).reversed()));
            int untouchedBelow = best.size();
            for (Choices.Span span : spans) {
                if (span.to() > untouchedBelow) {
                    continue;
                }
                List<Long> without = values(best);
                without.subList(span.from(), span.to()).clear();
                if (consider(without)) {
                    improved = true;
                    again = true;
                    untouchedBelow = span.from();
                }
            }
        }
        return improved;
    }

    private boolean deleteChunks() {
        boolean improved = false;
        for (int k : CHUNKS) {
            for (int i = best.size() - k; i >= 0; i--) {
                if (i + k > best.size()) {
                    continue;
                }
                List<Long> without = values(best);
                without.subList(i, i + k).clear();
                if (consider(without)) {
                    improved = true;
                } else if (i > 0 && best.get(i - 1).value() > 0) {
                    // a size or count drawn just before the chunk must drop with it
                    without.set(i - 1, best.get(i - 1).value() - 1);
                    improved |= consider(without);
                }
            }
        }
        return improved;
    }

    private boolean zeroChunks() {
        boolean improved = false;
        for (int k : CHUNKS) {
            for (int i = best.size() - k; i >= 0; i--) {
                if (i + k > best.size() || allZero(i, k)) {
                    continue;
                }
                List<Long> zeroed = values(best);
                for (int j = i; j < i + k; j++) {
                    zeroed.set(j, 0L);
                }
                improved |= consider(zeroed);
            }
        }
        return improved;
    }

    private boolean lowerValues() {
        boolean improved = false;
        for (int i = 0; i < best.size(); i++) {
            long hi = best.get(i).value();
            if (hi == 0) {
                continue;
            }
            if (consider(with(i, 0))) {
                improved = true;
                continue;
            }
            long lo = 0;
            while (lo + 1 < hi && runs < budget && i < best.size()) {
                long mid = lo + (hi - lo) / 2;
                if (consider(with(i, mid))) {
                    improved = true;
                    hi = i < best.size() ? Math.min(mid, best.get(i).value()) : 0;
                } else {
                    lo = mid;
                }
            }
        }
        return improved;
    }

    private boolean redistribute() {
        boolean improved = false;
        for (int i = 0; i < best.size(); i++) {
            for (int j = i + 1; j < Math.min(best.size(), i + 1 + REDISTRIBUTE_WINDOW); j++) {
                if (best.get(i).value() == 0) {
                    break;
                }
                Choice target = best.get(j);
                List<Long> moved = values(best);
                long sum = target.value() + best.get(i).value();
                moved.set(i, 0L);
                moved.set(j, Math.min(target.max(), sum < 0 ? Long.MAX_VALUE : sum));
                improved |= consider(moved);
            }
        }
        return improved;
    }

    private boolean consider(List<Long> candidate) {
        if (runs >= budget) {
            return false;
        }
        runs++;
        Optional<List<Choice>> result = replayStillFails.apply(candidate);
        if (result.isPresent() && smaller(result.get(), best)) {
            best = result.get();
            accepted++;
            return true;
        }
        return false;
    }

    private List<Long> with(int index, long value) {
        List<Long> out = values(best);
        out.set(index, value);
        return out;
    }

    private boolean allZero(int from, int length) {
        for (int j = from; j < from + length; j++) {
            if (best.get(j).value() != 0) {
                return false;
            }
        }
        return true;
    }

    static boolean smaller(List<Choice> a, List<Choice> b) {
        if (a.size() != b.size()) {
            return a.size() < b.size();
        }
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i).value(), b.get(i).value());
            if (c != 0) {
                return c < 0;
            }
        }
        return false;
    }

    static List<Long> values(List<Choice> choices) {
        List<Long> out = new ArrayList<>(choices.size());
        for (Choice c : choices) {
            out.add(c.value());
        }
        return out;
    }
}
