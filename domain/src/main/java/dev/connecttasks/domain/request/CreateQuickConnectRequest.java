package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** CreateQuickConnect's request, with QuickConnectConfig flattened: target is the UserId, QueueId or PhoneNumber. */
public record CreateQuickConnectRequest(Optional<String> instanceId, Optional<String> name, Optional<String> quickConnectType, Optional<String> target, Optional<String> contactFlowId) {

    public CreateQuickConnectRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(quickConnectType);
        Objects.requireNonNull(target);
        Objects.requireNonNull(contactFlowId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String name;
        private String quickConnectType;
        private String target;
        private String contactFlowId;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder quickConnectType(String value) { this.quickConnectType = value; return this; }
        public Builder target(String value) { this.target = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }

        public CreateQuickConnectRequest build() {
            return new CreateQuickConnectRequest(Optional.ofNullable(instanceId), Optional.ofNullable(name), Optional.ofNullable(quickConnectType), Optional.ofNullable(target), Optional.ofNullable(contactFlowId));
        }
    }
}
