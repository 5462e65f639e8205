package dev.connecttasks.domain.request;

import dev.connecttasks.domain.contact.Reference;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * StartOutboundVoiceContact's request, the members connect-tasks keeps or checks: no call is placed,
 * so the phone numbers and the ring timeout are checked and recorded nowhere (behaviour.md).
 */
public record StartOutboundVoiceContactRequest(Optional<String> instanceId, Optional<String> contactFlowId,
                                               Optional<String> destinationPhoneNumber, Optional<String> sourcePhoneNumber,
                                               Optional<String> name, Optional<String> description, Map<String, Reference> references,
                                               Optional<String> relatedContactId, Optional<String> clientToken,
                                               Map<String, String> attributes, Optional<Integer> ringTimeoutInSeconds) {

    public StartOutboundVoiceContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactFlowId);
        Objects.requireNonNull(destinationPhoneNumber);
        Objects.requireNonNull(sourcePhoneNumber);
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        references = MemberMaps.copyOf(references, "References");
        Objects.requireNonNull(relatedContactId);
        Objects.requireNonNull(clientToken);
        attributes = MemberMaps.copyOf(attributes, "Attributes");
        Objects.requireNonNull(ringTimeoutInSeconds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactFlowId;
        private String destinationPhoneNumber;
        private String sourcePhoneNumber;
        private String name;
        private String description;
        private Map<String, Reference> references = Map.of();
        private String relatedContactId;
        private String clientToken;
        private Map<String, String> attributes = Map.of();
        private Integer ringTimeoutInSeconds;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactFlowId(String value) { this.contactFlowId = value; return this; }
        public Builder destinationPhoneNumber(String value) { this.destinationPhoneNumber = value; return this; }
        public Builder sourcePhoneNumber(String value) { this.sourcePhoneNumber = value; return this; }
        public Builder name(String value) { this.name = value; return this; }
        public Builder description(String value) { this.description = value; return this; }
        public Builder references(Map<String, Reference> value) { this.references = value == null ? Map.of() : value; return this; }
        public Builder relatedContactId(String value) { this.relatedContactId = value; return this; }
        public Builder clientToken(String value) { this.clientToken = value; return this; }
        public Builder attributes(Map<String, String> value) { this.attributes = value == null ? Map.of() : value; return this; }
        public Builder ringTimeoutInSeconds(Integer value) { this.ringTimeoutInSeconds = value; return this; }

        public StartOutboundVoiceContactRequest build() {
            return new StartOutboundVoiceContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactFlowId),
                    Optional.ofNullable(destinationPhoneNumber), Optional.ofNullable(sourcePhoneNumber), Optional.ofNullable(name),
                    Optional.ofNullable(description), references, Optional.ofNullable(relatedContactId), Optional.ofNullable(clientToken),
                    attributes, Optional.ofNullable(ringTimeoutInSeconds));
        }
    }
}
