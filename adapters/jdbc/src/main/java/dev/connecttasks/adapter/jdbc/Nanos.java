package dev.connecttasks.adapter.jdbc;

import java.time.Duration;
import java.time.Instant;

/**
 * Instants and durations as BIGINT nanoseconds: exact for every instant the service handles
 * (1677 to 2262), and the same type in all three databases.
 */
final class Nanos {

    private Nanos() {
    }

    /** Exact from the first to the last instant a long holds; the seconds of an instant before 1970 are taken one nearer. */
    static long of(Instant instant) {
        long seconds = instant.getEpochSecond();
        long nanos = instant.getNano();
        if (seconds < 0 && nanos > 0) {
            seconds++;
            nanos -= 1_000_000_000L;
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), nanos);
    }

    /** A bound of a range query: an instant past what a long holds is the end of what it holds, so the range still reads right. */
    static long clamped(Instant instant) {
        if (instant.isBefore(instant(Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (instant.isAfter(instant(Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return of(instant);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    static long of(Duration duration) {
        return duration.toNanos();
    }

    static Duration duration(long nanos) {
        return Duration.ofNanos(nanos);
    }
}
