package dev.connecttasks.domain.request;

import java.util.Objects;
import java.util.Optional;

/** DescribeContact's request. */
public record DescribeContactRequest(Optional<String> instanceId, Optional<String> contactId) {

    public DescribeContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactId;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactId(String value) { this.contactId = value; return this; }

        public DescribeContactRequest build() {
            return new DescribeContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId));
        }
    }
}
