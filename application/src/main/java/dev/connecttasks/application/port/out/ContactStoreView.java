package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One instance's contacts inside a transaction of {@link ContactStore}. Writes commit with the transaction. */
public interface ContactStoreView {

    Optional<Contact> contact(String contactId);

    Map<String, String> scopeAttributes(String initialContactId);

    Optional<ClientTokenRecord> clientToken(String clientToken);

    int linkedTaskCount(String previousContactId);

    /** Tasks not stopped whose expiry instant is after {@code now}. */
    int openTaskCount(Instant now);

    /** Writes the task, its scope, its client token (replacing an expired one) and counts it against its PreviousContactId. */
    void insertTask(NewTask task);

    /** Writes a recorded contact of another channel with the attributes of its own scope. */
    void insertContact(Contact contact, Map<String, String> attributes);

    /** Replaces a stored contact (stop, reschedule). */
    void updateContact(Contact contact);

    /**
     * Replaces the attributes of the scope whose initial contact is {@code initialContactId}, a contact of
     * this instance (stored, or inserted earlier in this transaction): a store may keep a scope in its
     * initial contact's record.
     */
    void putScopeAttributes(String initialContactId, Map<String, String> attributes);
}
