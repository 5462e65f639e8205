package dev.connecttasks.domain.request;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * StartTaskContact's request, member for member. Every member may be missing (the rules, not the
 * type, refuse a missing required member); maps default to empty. Build with {@link #builder()}.
 */
public record StartTaskContactRequest(
        Optional<String> instanceId,
        Optional<String> name,
        Optional<String> description,
        Optional<String> previousContactId,
        Optional<String> relatedContactId,
        Optional<String> contactFlowId,
        Optional<String> quickConnectId,
        Optional<String> taskTemplateId,
        Map<String, String> attributes,
        Map<String, Reference> references,
        Optional<Instant> scheduledTime,
        Optional<String> clientToken,
        Map<String, SegmentAttributeValue> segmentAttributes) {

    public static final String CONTACT_EXPIRY = SegmentAttributeValue.CONTACT_EXPIRY;
    public static final String CREATED_BY_USER = SegmentAttributeValue.CREATED_BY_USER;
    public static final String EXPIRY_DURATION = SegmentAttributeValue.EXPIRY_DURATION;

    public StartTaskContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        Objects.requireNonNull(previousContactId);
        Objects.requireNonNull(relatedContactId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(quickConnectId);
        Objects.requireNonNull(taskTemplateId);
        attributes = MemberMaps.copyOf(attributes, "Attributes");
        references = MemberMaps.copyOf(references, "References");
        Objects.requireNonNull(scheduledTime);
        Objects.requireNonNull(clientToken);
        segmentAttributes = MemberMaps.copyOf(segmentAttributes, "SegmentAttributes");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().instanceId(instanceId.orElse(null)).name(name.orElse(null)).description(description.orElse(null))
                .previousContactId(previousContactId.orElse(null)).relatedContactId(relatedContactId.orElse(null))
                .contactFlowId(contactFlowId.orElse(null)).quickConnectId(quickConnectId.orElse(null))
                .taskTemplateId(taskTemplateId.orElse(null)).attributes(attributes).references(references)
                .scheduledTime(scheduledTime.orElse(null)).clientToken(clientToken.orElse(null)).segmentAttributes(segmentAttributes);
    }

    /** The request as ClientToken reuse compares it: every member but the token. */
    public StartTaskContactRequest withoutClientToken() {
        return toBuilder().clientToken(null).build();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String name;
        private String description;
        private String previousContactId;
        private String relatedContactId;
        private String contactFlowId;
        private String quickConnectId;
        private String taskTemplateId;
        private Map<String, String> attributes = Map.of();
        private Map<String, Reference> references = Map.of();
        private Instant scheduledTime;
        private String clientToken;
        private Map<String, SegmentAttributeValue> segmentAttributes = Map.of();

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder previousContactId(String value) { this.previousContactId = value; return this; }
        public Builder relatedContactId(String value) { this.relatedContactId = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }
        public Builder quickConnectId(String value) { this.quickConnectId = value; return this; }
        public Builder taskTemplateId(String value) { this.taskTemplateId = value; return this; }
        public Builder attributes(Map<String, String> value) { this.attributes = value == null ? Map.of() : value; return this; }
        public Builder references(Map<String, Reference> value) { this.references = value == null ? Map.of() : value; return this; }
        public Builder scheduledTime(Instant value) { this.scheduledTime = value; return this; }
        public Builder clientToken(String value) { this.clientToken = value; return this; }
        public Builder segmentAttributes(Map<String, SegmentAttributeValue> value) {
            this.segmentAttributes = value == null ? Map.of() : value;
            return this;
        }

        public StartTaskContactRequest build() {
            return new StartTaskContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(name), Optional.ofNullable(description),
                    Optional.ofNullable(previousContactId), Optional.ofNullable(relatedContactId), Optional.ofNullable(contactFlowId),
                    Optional.ofNullable(quickConnectId), Optional.ofNullable(taskTemplateId), attributes, references,
                    Optional.ofNullable(scheduledTime), Optional.ofNullable(clientToken), segmentAttributes);
        }
    }
}
