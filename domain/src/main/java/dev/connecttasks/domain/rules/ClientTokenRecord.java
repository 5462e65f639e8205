package dev.connecttasks.domain.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A ClientToken remembered after a successful creation, with the request it was used for. */
public record ClientTokenRecord(String clientToken, String requestFingerprint, String contactId, Instant createdAt) {
    public ClientTokenRecord {
        Objects.requireNonNull(clientToken);
        Objects.requireNonNull(requestFingerprint);
        Objects.requireNonNull(contactId);
        Objects.requireNonNull(createdAt);
    }

    public boolean isLiveAt(Instant now, Duration lifetime) {
        return now.isBefore(createdAt.plus(lifetime));
    }
}
