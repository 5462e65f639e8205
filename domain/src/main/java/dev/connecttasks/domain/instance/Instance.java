package dev.connecttasks.domain.instance;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A tenant: every resource and contact belongs to exactly one. */
public record Instance(String instanceId, Optional<String> instanceAlias, Instant createdTime) {
    public Instance {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(instanceAlias);
        Objects.requireNonNull(createdTime);
    }
}
