package dev.connecttasks.domain.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** CreateContactFlow's request: Type and Status as in the API model (Status defaults to PUBLISHED); no tags is an empty map. */
public record CreateContactFlowRequest(Optional<String> instanceId, Optional<String> name, Optional<String> type, Optional<String> status,
                                       Optional<String> description, Optional<String> content, Map<String, String> tags) {

    public CreateContactFlowRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        Objects.requireNonNull(status);
        Objects.requireNonNull(description);
        Objects.requireNonNull(content);
        tags = MemberMaps.copyOf(tags, "Tags");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String name;
        private String type;
        private String status;
        private String description;
        private String content;
        private Map<String, String> tags = Map.of();

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder type(String value) { this.type = value; return this; }
        public Builder status(String value) { this.status = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder content(String value) { this.content = value; return this; }
        public Builder tags(Map<String, String> value) { this.tags = value == null ? Map.of() : value; return this; }

        public CreateContactFlowRequest build() {
            return new CreateContactFlowRequest(Optional.ofNullable(instanceId), Optional.ofNullable(name), Optional.ofNullable(type), Optional.ofNullable(status),
                    Optional.ofNullable(description), Optional.ofNullable(content), tags);
        }
    }
}
