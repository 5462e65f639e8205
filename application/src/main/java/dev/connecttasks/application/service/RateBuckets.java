package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.application.port.out.RateLimiter;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * Takes the rate token a call needs before its rules run, whose outcome the rules then read: one
 * bucket per instance for StartTaskContact, one shared by the other contact operations. Throttling
 * comes first, before the InstanceId is judged, so a call naming no existing instance (absent, too
 * long, unknown) takes its token from one bucket that all of them share: the state a client can
 * create without an instance stays one row per operation, whatever ids it sends.
 */
final class RateBuckets {

    /** Instance ids are at most 100 characters, so no existing instance's bucket key ends with this. */
    private static final String NO_INSTANCE = "/(no such instance)";

    private final RateLimiter limiter;
    private final InstanceDirectory instances;
    private final TaskPolicy policy;

    RateBuckets(RateLimiter limiter, InstanceDirectory instances, TaskPolicy policy) {
        this.limiter = limiter;
        this.instances = instances;
        this.policy = policy;
    }

    boolean startTask(Optional<String> instanceId, Instant now) {
        return !policy.throttlingEnabled() || limiter.tryAcquire("StartTaskContact" + scope(instanceId), policy.startTaskRate(), now);
    }

    boolean contactOperation(Optional<String> instanceId, Instant now) {
        return !policy.throttlingEnabled() || limiter.tryAcquire("ContactOperation" + scope(instanceId), policy.contactOperationRate(), now);
    }

    private String scope(Optional<String> instanceId) {
        return instanceId.filter(id -> !id.isEmpty() && id.length() <= 100 && instances.find(id).isPresent())
                .map(id -> "/" + id).orElse(NO_INSTANCE);
    }
}
