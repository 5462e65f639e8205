package dev.connecttasks.application.port.in;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.DisconnectReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Everything recorded at creation, the state at the time of the call, and the scope's attributes. */
public record DescribeContactResponse(Contact contact, ContactState state, Optional<Instant> disconnectTimestamp,
                                      Optional<DisconnectReason> disconnectReason, Optional<Instant> expiresAt,
                                      Map<String, String> attributes) {
    public DescribeContactResponse {
        attributes = Map.copyOf(attributes);
    }
}
