package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** Changes a flow's ContactFlowState (UpdateContactFlowMetadata) and/or Status (publishing or unpublishing its content). */
public record UpdateContactFlowRequest(Optional<String> instanceId, Optional<String> contactFlowId, Optional<String> contactFlowState, Optional<String> status) {

    public UpdateContactFlowRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(contactFlowState);
        Objects.requireNonNull(status);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactFlowId;
        private String contactFlowState;
        private String status;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }
        public Builder contactFlowState(String value) { this.contactFlowState = value; return this; }
        public Builder status(String value) { this.status = value; return this; }

        public UpdateContactFlowRequest build() {
            return new UpdateContactFlowRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactFlowId), Optional.ofNullable(contactFlowState), Optional.ofNullable(status));
        }
    }
}
