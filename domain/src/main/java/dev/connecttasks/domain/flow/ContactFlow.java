package dev.connecttasks.domain.flow;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact flow: what task routing reads (type, state, status) and what DescribeContactFlow gives
 * back as it was given (description, content, tags). The content is kept, not run: no flow
 * language stands behind it.
 */
public record ContactFlow(String instanceId, String contactFlowId, String name, FlowType type, FlowState state, FlowStatus status,
                          Optional<String> description, Optional<String> content, Map<String, String> tags) {

    public ContactFlow {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(state);
        Objects.requireNonNull(status);
        Objects.requireNonNull(description);
        Objects.requireNonNull(content);
        tags = Map.copyOf(tags);
    }

    /** A flow with neither description, content nor tags. */
    public ContactFlow(String instanceId, String contactFlowId, String name, FlowType type, FlowState state, FlowStatus status) {
        this(instanceId, contactFlowId, name, type, state, status, Optional.empty(), Optional.empty(), Map.of());
    }

    /** Usable to run a contact when it is of the wanted type, ACTIVE and PUBLISHED (behaviour.md section 4). */
    public boolean isUsableAs(FlowType wanted) {
        return type == wanted && state == FlowState.ACTIVE && status == FlowStatus.PUBLISHED;
    }

    public ContactFlow withState(FlowState newState) {
        return new ContactFlow(instanceId, contactFlowId, name, type, newState, status, description, content, tags);
    }

    public ContactFlow withStatus(FlowStatus newStatus) {
        return new ContactFlow(instanceId, contactFlowId, name, type, state, newStatus, description, content, tags);
    }
}
