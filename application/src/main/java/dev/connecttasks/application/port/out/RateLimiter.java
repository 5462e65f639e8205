package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.policy.RatePolicy;
import java.time.Instant;

/** Token buckets by key, on the injected clock's time. */
public interface RateLimiter {

    /** Takes a token from the bucket {@code key} if it has one; atomic under concurrent calls. */
    boolean tryAcquire(String key, RatePolicy rate, Instant now);
}
