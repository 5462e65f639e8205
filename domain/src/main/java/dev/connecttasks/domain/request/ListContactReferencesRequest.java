package dev.connecttasks.domain.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** ListContactReferences' request; ReferenceTypes is required (an empty list is given, and matches nothing). */
public record ListContactReferencesRequest(Optional<String> instanceId, Optional<String> contactId, Optional<List<String>> referenceTypes,
                                           Optional<String> nextToken) {

    public ListContactReferencesRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        referenceTypes = referenceTypes.map(List::copyOf);
        Objects.requireNonNull(nextToken);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactId;
        private List<String> referenceTypes;
        private String nextToken;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactId(String value) { this.contactId = value; return this; }
        public Builder referenceTypes(List<String> value) { this.referenceTypes = value; return this; }
        public Builder referenceTypes(String... value) { this.referenceTypes = List.of(value); return this; }
        public Builder nextToken(String value) { this.nextToken = value; return this; }

        public ListContactReferencesRequest build() {
            return new ListContactReferencesRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId),
                    Optional.ofNullable(referenceTypes), Optional.ofNullable(nextToken));
        }
    }
}
