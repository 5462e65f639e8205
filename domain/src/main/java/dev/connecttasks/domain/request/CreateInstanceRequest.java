package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** CreateInstance's request (the members this library keeps). */
public record CreateInstanceRequest(Optional<String> instanceAlias) {

    public CreateInstanceRequest {
        Objects.requireNonNull(instanceAlias);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceAlias;

        private Builder() {
        }

        public Builder instanceAlias(String value) { this.instanceAlias = value; return this; }

        public CreateInstanceRequest build() {
            return new CreateInstanceRequest(Optional.ofNullable(instanceAlias));
        }
    }
}
