package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.domain.policy.RatePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token bucket per key on the caller's time: burst, refill, independence, atomicity. */
public abstract class RateLimiterContract {

    private static final Instant T0 = Instant.parse("2026-02-01T12:00:00Z");
    private static final RatePolicy TWO_PER_SECOND_BURST_FIVE = new RatePolicy(2, 5);
    protected RateLimiter limiter;

    protected abstract RateLimiter newLimiter() throws Exception;

    @BeforeEach
    void fresh() throws Exception {
        limiter = newLimiter();
    }

    @Test
    void aFullBucketAllowsTheBurstThenRefillsAtTheRate() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0)).as("token %d", i).isTrue();
        }
        assertThat(limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0)).isFalse();
        assertThat(limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0.plus(Duration.ofMillis(499)))).isFalse();
        assertThat(limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0.plus(Duration.ofMillis(500)))).isTrue();
        assertThat(limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0.plus(Duration.ofMillis(500)))).isFalse();
        int afterAnHour = 0;
        for (int i = 0; i < 10; i++) {
            afterAnHour += limiter.tryAcquire("k", TWO_PER_SECOND_BURST_FIVE, T0.plus(Duration.ofHours(1))) ? 1 : 0;
        }
        assertThat(afterAnHour).as("the bucket never holds more than its burst").isEqualTo(5);
    }

    @Test
    void keysAreIndependent() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire("a", TWO_PER_SECOND_BURST_FIVE, T0);
        }
        assertThat(limiter.tryAcquire("a", TWO_PER_SECOND_BURST_FIVE, T0)).isFalse();
        assertThat(limiter.tryAcquire("b", TWO_PER_SECOND_BURST_FIVE, T0)).isTrue();
    }

    @Test
    void concurrentTakersNeverGetMoreThanTheBurst() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger granted = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(pool.submit(() -> {
                if (limiter.tryAcquire("k", new RatePolicy(1, 50), T0)) {
                    granted.incrementAndGet();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(granted.get()).isEqualTo(50);
    }
}
