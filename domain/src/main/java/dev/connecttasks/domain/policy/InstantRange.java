package dev.connecttasks.domain.policy;

import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * The instants every store can keep exactly: nanoseconds since the epoch in a signed 64-bit number,
 * 1677-09-21 to 2262-04-11 (the JDBC stores' BIGINT columns). The service's clock must leave room
 * below the end for everything a call may derive from it (a ScheduledTime up to the window ahead,
 * then an expiry of up to 90 days), so every store accepts the same calls at the same clock.
 */
public final class InstantRange {

    public static final Instant EARLIEST = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    public static final Instant LATEST = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private final Instant latestClock;

    public InstantRange(TaskPolicy policy) {
        Duration longestExpiry = java.util.Collections.max(java.util.List.of(policy.taskExpiry(), TaskPolicy.MAX_EXPIRY_OVERRIDE));
        this.latestClock = LATEST.minus(policy.scheduleWindow()).minus(longestExpiry);
    }

    /** The latest clock reading at which every call can still be served. */
    public Instant latestClock() {
        return latestClock;
    }

    /** {@code now}, if the service can work at it; otherwise the call is refused, naming the range. */
    public Instant checked(Instant now) {
        if (now.isBefore(EARLIEST) || now.isAfter(latestClock)) {
            throw new InvalidRequestException(Reason.TIME_OUT_OF_RANGE, "The service's clock reads " + now + ", outside "
                    + EARLIEST + " to " + latestClock + ", the instants every store can keep with the schedule window and the "
                    + "longest task expiry added");
        }
        return now;
    }
}
