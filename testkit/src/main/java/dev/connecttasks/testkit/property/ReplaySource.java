package dev.connecttasks.testkit.property;

import java.util.List;

/**
 * Replays a choice sequence. A value above the draw's current bound is clamped, and draws past
 * the end get 0 (the simplest choice): this is what makes an edited sequence always replayable.
 */
final class ReplaySource extends RecordingSource {

    private final long[] values;
    private int position;

    ReplaySource(List<Long> values) {
        this.values = values.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    boolean isReplay() {
        return true;
    }

    @Override
    long next(long max, boolean biased) {
        long value = position < values.length ? values[position] : 0;
        position++;
        return Math.min(value, max);
    }
}
