package dev.connecttasks.domain.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** UpdateContactSchedule's request. */
public record UpdateContactScheduleRequest(Optional<String> instanceId, Optional<String> contactId, Optional<Instant> scheduledTime) {

    public UpdateContactScheduleRequest {
        Objects.requireNonNull(instanceId);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(scheduledTime);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Member names as in the API model; {@code null} means "not given". */
    public static final class Builder {
        private String instanceId;
        private String contactId;
        private Instant scheduledTime;

        private Builder() {
        }

        public Builder instanceId(String value) { this.instanceId = value; return this; }
        public Builder contactId(String value) { this.contactId = value; return this; }
        public Builder scheduledTime(Instant value) { this.scheduledTime = value; return this; }

        public UpdateContactScheduleRequest build() {
            return new UpdateContactScheduleRequest(Optional.ofNullable(instanceId), Optional.ofNullable(contactId), Optional.ofNullable(scheduledTime));
        }
    }
}
