package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** GetContactAttributes' request. */
public record GetContactAttributesRequest(Optional<String> instanceId, Optional<String> initialContactId) {

    public GetContactAttributesRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(initialContactId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String initialContactId;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder initialContactId(String value) { this.initialContactId = value; return this; }

        public GetContactAttributesRequest build() {
            return new GetContactAttributesRequest(Optional.ofNullable(instanceId), Optional.ofNullable(initialContactId));
        }
    }
}
