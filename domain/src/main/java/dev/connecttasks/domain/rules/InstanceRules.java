package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** CreateInstance and the InstanceId member every set-up operation shares. */
public final class InstanceRules {

    private InstanceRules() {
    }

    /** CreateInstance: its only checked member. */
    public static Draft create(CreateInstanceRequest r) {
        Refusals.optionalText(r.instanceAlias(), "InstanceAlias", 1, 45);     // 1
        return new Draft(r.instanceAlias());
    }

    /** The InstanceId of a set-up operation: required, 1..100 characters. */
    public static String instanceId(Optional<String> instanceId) {
        return required(instanceId, "InstanceId", 1, 100);
    }

    /** An instance the rules accepted, waiting for its id and creation time. */
    public record Draft(Optional<String> instanceAlias) {
        public Draft {
            Objects.requireNonNull(instanceAlias);
        }

        public Instance withId(String instanceId, Instant createdTime) {
            return new Instance(instanceId, instanceAlias, createdTime);
        }
    }
}
