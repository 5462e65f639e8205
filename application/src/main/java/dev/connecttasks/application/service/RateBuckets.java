package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the rate token a call needs before its rules run, whose outcome the rules then read. Buckets
 * are keyed by the InstanceId as given, even an unknown one, since throttling comes first: one for
 * StartTaskContact, one shared by the other contact operations.
 */
final class RateBuckets {

    private final RateLimiter limiter;
    private final TaskPolicy policy;

    RateBuckets(RateLimiter limiter, TaskPolicy policy) {
        this.limiter = limiter;
        this.policy = policy;
    }

    boolean startTask(Optional<String> instanceId, Instant now) {
        return !policy.throttlingEnabled() || limiter.tryAcquire("StartTaskContact/" + instanceId.orElse(""), policy.startTaskRate(), now);
    }

    boolean contactOperation(Optional<String> instanceId, Instant now) {
        return !policy.throttlingEnabled()
                || limiter.tryAcquire("ContactOperation/" + instanceId.orElse(""), policy.contactOperationRate(), now);
    }
}
