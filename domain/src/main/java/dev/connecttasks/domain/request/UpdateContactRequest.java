package dev.connecttasks.domain.request;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * UpdateContact's request: what it gives replaces (Name, Description) or is merged by key into
 * (References, SegmentAttributes) what the contact holds; an empty map gives nothing.
 */
public record UpdateContactRequest(Optional<String> instanceId, Optional<String> contactId, Optional<String> name,
                                   Optional<String> description, Map<String, Reference> references,
                                   Map<String, SegmentAttributeValue> segmentAttributes) {

    public UpdateContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        references = MemberMaps.copyOf(references, "References");
        segmentAttributes = MemberMaps.copyOf(segmentAttributes, "SegmentAttributes");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactId;
        private String name;
        private String description;
        private Map<String, Reference> references = Map.of();
        private Map<String, SegmentAttributeValue> segmentAttributes = Map.of();

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactId(String value) { this.contactId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder references(Map<String, Reference> value) { this.references = value == null ? Map.of() : value; return this; }
        public Builder segmentAttributes(Map<String, SegmentAttributeValue> value) {
            this.segmentAttributes = value == null ? Map.of() : value;
            return this;
        }

        public UpdateContactRequest build() {
            return new UpdateContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId), Optional.ofNullable(name),
                    Optional.ofNullable(description), references, segmentAttributes);
        }
    }
}
