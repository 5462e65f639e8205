package dev.connecttasks.domain.request;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Records a contact of another channel (VOICE, CHAT, EMAIL) so tasks can link to it. Not an Amazon Connect operation. */
public record RecordContactRequest(Optional<String> instanceId, Optional<String> channel, Optional<String> initiationMethod, Map<String, String> attributes) {

    public RecordContactRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(channel);
        Objects.requireNonNull(initiationMethod);
        attributes = MemberMaps.copyOf(attributes, "Attributes");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String channel;
        private String initiationMethod;
        private Map<String, String> attributes = Map.of();

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder channel(String value) { this.channel = value; return this; }
        public Builder initiationMethod(String value) { this.initiationMethod = value; return this; }
        public Builder attributes(Map<String, String> value) { this.attributes = value == null ? Map.of() : value; return this; }

        public RecordContactRequest build() {
            return new RecordContactRequest(Optional.ofNullable(instanceId), Optional.ofNullable(channel), Optional.ofNullable(initiationMethod), attributes);
        }
    }
}
