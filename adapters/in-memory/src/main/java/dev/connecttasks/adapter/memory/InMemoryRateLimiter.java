package dev.connecttasks.adapter.memory;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TokenBucket;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** One token bucket per key; {@code compute} makes each take atomic without a shared lock. */
public final class InMemoryRateLimiter implements RateLimiter {

    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String key, RatePolicy rate, Instant now) {
        boolean[] taken = {false};
        buckets.compute(key, (k, bucket) -> {
            TokenBucket current = bucket == null ? TokenBucket.full(rate, now) : bucket;
            taken[0] = current.hasToken(rate, now);
            return current.take(rate, now);
        });
        return taken[0];
    }
}
