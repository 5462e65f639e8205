package dev.connecttasks.domain.flow;

import java.util.Objects;

/** A contact flow as far as task routing cares: its type, state and status. */
public record ContactFlow(String instanceId, String contactFlowId, String name, FlowType type, FlowState state, FlowStatus status) {

    public ContactFlow {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(state);
        Objects.requireNonNull(status);
    }

    /** Usable to run a contact when it is of the wanted type, ACTIVE and PUBLISHED (behaviour.md section 4). */
    public boolean isUsableAs(FlowType wanted) {
        return type == wanted && state == FlowState.ACTIVE && status == FlowStatus.PUBLISHED;
    }

    public ContactFlow withState(FlowState newState) {
        return new ContactFlow(instanceId, contactFlowId, name, type, newState, status);
    }

    public ContactFlow withStatus(FlowStatus newStatus) {
        return new ContactFlow(instanceId, contactFlowId, name, type, state, newStatus);
    }
}
