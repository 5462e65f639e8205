package dev.connecttasks.domain.flow;

import java.util.Objects;
import java.util.Optional;

/**
 * A quick connect. {@code target} is the UserId, QueueId or PhoneNumber of its config (empty for
 * FLOW); {@code contactFlowId} is empty exactly for PHONE_NUMBER.
 */
public record QuickConnect(String instanceId, String quickConnectId, String name, QuickConnectType type,
                           Optional<String> target, Optional<String> contactFlowId) {

    public QuickConnect {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(quickConnectId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(target);
        Objects.requireNonNull(contactFlowId);
        if ((type == QuickConnectType.PHONE_NUMBER) == contactFlowId.isPresent()) {
            throw new IllegalArgumentException(type + " quick connect " + (contactFlowId.isPresent() ? "must not" : "must") + " name a flow");
        }
    }
}
