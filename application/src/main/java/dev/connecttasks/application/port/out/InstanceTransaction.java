package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import dev.connecttasks.domain.template.TaskTemplate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One instance inside a transaction of {@link ContactStore}: the unit of work of every contact
 * operation. It answers every lookup a decision needs (contacts, attribute scopes, client tokens,
 * linked counts, open tasks, and the flows, quick connects and templates that resolve a task's
 * flow) from one consistent view, and its writes commit with the transaction. A decision reads
 * only from here; the view is handed to it as an argument, never through thread state.
 */
public interface InstanceTransaction {

    Optional<Contact> contact(String contactId);

    /** The attributes of the scope whose initial contact is {@code initialContactId}; empty when none are set. */
    Map<String, String> scopeAttributes(String initialContactId);

    Optional<ClientTokenRecord> clientToken(String clientToken);

    /** How many tasks were ever created with this PreviousContactId. */
    int linkedTaskCount(String previousContactId);

    /**
     * How many tasks of the chain whose InitialContactId is given were created with a PreviousContactId
     * (the per-chain reading of the link limit); read under the chain's lock, like its attributes.
     */
    int chainLinkedTaskCount(String initialContactId);

    /** Tasks not stopped whose expiry instant is after {@code now}. */
    int openTaskCount(Instant now);

    /**
     * StartTaskContact's quota read: the open tasks at {@code now}, and when they are fewer than
     * {@code quota}, one open task held for the task this transaction goes on to insert (an escrow:
     * concurrent starts each take a slot or are refused, and no slot is promised twice). A slot not
     * used by the transaction's end is given back. A store whose transactions of an instance are
     * serial needs no escrow: the default is the plain count.
     */
    default int openTaskCountReserving(Instant now, int quota) {
        return openTaskCount(now);
    }

    /** The instance's flow, as the transaction sees it. */
    Optional<ContactFlow> flow(String contactFlowId);

    /**
     * The instance's flow as committed now, for an operation that takes no open-task slot and so
     * cannot hold flow changes off as a start does (TransferContact, StartOutboundVoiceContact): a
     * store that keeps flows it read may not answer from them here.
     */
    default Optional<ContactFlow> currentFlow(String contactFlowId) {
        return flow(contactFlowId);
    }

    /** The instance's quick connect, as the transaction sees it. */
    Optional<QuickConnect> quickConnect(String quickConnectId);

    /** The instance's task template at its latest version, as the transaction sees it. */
    Optional<TaskTemplate> taskTemplate(String taskTemplateId);

    /** Writes the task, its scope, its client token (replacing an expired one) and counts it against its PreviousContactId. */
    void insertTask(NewTask task);

    /** Writes a recorded contact of another channel with the attributes of its own scope. */
    default void insertContact(Contact contact, Map<String, String> attributes) {
        insertContact(contact, attributes, Optional.empty());
    }

    /** Writes a recorded contact of another channel with the attributes of its own scope, and its client token (replacing an expired one). */
    void insertContact(Contact contact, Map<String, String> attributes, Optional<ClientTokenRecord> clientToken);

    /** Replaces a stored contact (stop, reschedule). */
    void updateContact(Contact contact);

    /**
     * Replaces the attributes of the scope whose initial contact is {@code initialContactId}, a contact of
     * this instance (stored, or inserted earlier in this transaction): a store may keep a scope in its
     * initial contact's record.
     */
    void putScopeAttributes(String initialContactId, Map<String, String> attributes);
}
