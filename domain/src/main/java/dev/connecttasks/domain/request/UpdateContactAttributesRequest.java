package dev.connecttasks.domain.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** UpdateContactAttributes' request: the id may name any contact of the scope. */
public record UpdateContactAttributesRequest(Optional<String> instanceId, Optional<String> initialContactId, Map<String, String> attributes) {

    public UpdateContactAttributesRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(initialContactId);
        attributes = MemberMaps.copyOf(attributes, "Attributes");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String initialContactId;
        private Map<String, String> attributes = Map.of();

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder initialContactId(String value) { this.initialContactId = value; return this; }
        public Builder attributes(Map<String, String> value) { this.attributes = value == null ? Map.of() : value; return this; }

        public UpdateContactAttributesRequest build() {
            return new UpdateContactAttributesRequest(Optional.ofNullable(instanceId), Optional.ofNullable(initialContactId), attributes);
        }
    }
}
