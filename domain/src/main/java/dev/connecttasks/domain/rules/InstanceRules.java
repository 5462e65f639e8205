package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** CreateInstance, DeleteInstance and the InstanceId member every set-up operation shares. */
public final class InstanceRules {

    private InstanceRules() {
    }

    /** CreateInstance: its only checked member. */
    public static Draft create(CreateInstanceRequest r) {
        Refusals.optionalText(r.instanceAlias(), "InstanceAlias", 1, 45);     // 1
        return new Draft(r.instanceAlias());
    }

    /**
     * DeleteInstance's members in order: InstanceId (required, 1..100), then ClientToken (1..500),
     * each refused with {@code InvalidRequestException}, as the API model has it for this operation.
     * Whether the instance exists is the store's to answer; a token is what makes a retry of a
     * delete that was carried out answer as the first call did.
     */
    public static Deletion delete(Optional<String> instanceId, Optional<String> clientToken) {
        try {
            String id = instanceId(instanceId);                                  // 1
            Refusals.optionalText(clientToken, "ClientToken", 1, 500);          // 2
            return new Deletion(id, clientToken);
        } catch (InvalidParameterException refused) {
            // the API model lists no InvalidParameterException for DeleteInstance: its member errors are InvalidRequestException
            throw new InvalidRequestException(refused.reason(), refused.getMessage());
        }
    }

    /** A DeleteInstance the rules accepted. */
    public record Deletion(String instanceId, Optional<String> clientToken) {
        public Deletion {
            Objects.requireNonNull(instanceId);
            Objects.requireNonNull(clientToken);
        }
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
