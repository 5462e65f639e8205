package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import java.util.Map;
import java.util.Optional;

/** What an operation that records a contact outside StartTaskContact asks its instance's transaction (a call, a transfer). */
public interface RecordingFacts {

    Optional<ClientTokenRecord> clientToken(String clientToken);

    Optional<Contact> contact(String contactId);

    /** The flow as committed now: these operations take no open-task slot that would confirm a remembered one. */
    Optional<ContactFlow> flow(String contactFlowId);

    Map<String, String> scopeAttributes(String initialContactId);
}
