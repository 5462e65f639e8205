package dev.connecttasks.domain.policy;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket as a value: {@link #take} returns the next bucket, or the same one when it is
 * empty. Tokens are counted in nanos of refill time so the arithmetic is exact.
 */
public record TokenBucket(long availableNanos, Instant updatedAt) {

    /** A full bucket as of {@code now}. */
    public static TokenBucket full(RatePolicy rate, Instant now) {
        return new TokenBucket(capacityNanos(rate), now);
    }

    /** Whether a token could be taken; check before using {@link #take}. */
    public boolean hasToken(RatePolicy rate, Instant now) {
        return refilled(rate, now) >= costNanos(rate);
    }

    public TokenBucket take(RatePolicy rate, Instant now) {
        long available = refilled(rate, now);
        Instant at = now.isAfter(updatedAt) ? now : updatedAt;
        return available >= costNanos(rate) ? new TokenBucket(available - costNanos(rate), at) : new TokenBucket(available, at);
    }

    private long refilled(RatePolicy rate, Instant now) {
        long elapsed = now.isAfter(updatedAt) ? Duration.between(updatedAt, now).toNanos() : 0;
        long capacity = capacityNanos(rate);
        return elapsed >= capacity - availableNanos ? capacity : availableNanos + elapsed;
    }

    /** One token is worth the time it takes to refill it: a second divided by the rate. */
    private static long costNanos(RatePolicy rate) {
        return 1_000_000_000L / rate.perSecond();
    }

    private static long capacityNanos(RatePolicy rate) {
        return costNanos(rate) * rate.burst();
    }
}
