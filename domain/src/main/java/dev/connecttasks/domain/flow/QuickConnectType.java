package dev.connecttasks.domain.flow;

import java.util.Optional;

/** The four quick connect types and the flow type each one's flow must have. */
public enum QuickConnectType {
    USER(FlowType.AGENT_TRANSFER),
    QUEUE(FlowType.QUEUE_TRANSFER),
    PHONE_NUMBER(null),
    FLOW(FlowType.CONTACT_FLOW);

    private final FlowType requiredFlowType;

    QuickConnectType(FlowType requiredFlowType) {
        this.requiredFlowType = requiredFlowType;
    }

    /** Empty for PHONE_NUMBER, which names no flow. */
    public Optional<FlowType> requiredFlowType() {
        return Optional.ofNullable(requiredFlowType);
    }
}
