package dev.connecttasks.application.port.in;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.DisconnectReason;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Everything recorded at creation, the state at the time of the call, the scope's attributes and the contact's tags. */
public record DescribeContactResponse(Contact contact, ContactState state, Optional<Instant> disconnectTimestamp,
                                      Optional<DisconnectReason> disconnectReason, Optional<Instant> expiresAt,
                                      Map<String, String> attributes, Map<String, String> tags) {
    public DescribeContactResponse {
        attributes = Map.copyOf(attributes);
        tags = Map.copyOf(tags);
    }

    /** The same answer with the contact's tags, which another store than the contact's holds. */
    public DescribeContactResponse withTags(Map<String, String> contactTags) {
        return new DescribeContactResponse(contact, state, disconnectTimestamp, disconnectReason, expiresAt, attributes, contactTags);
    }
}
