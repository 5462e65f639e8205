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

    static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
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
