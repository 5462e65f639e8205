package dev.connecttasks.application.port.out;

import dev.connecttasks.domain.contact.Contact;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Contacts, attribute scopes, chains (linked-task counts) and client tokens of every instance.
 *
 * <p><b>Atomicity contract.</b> {@link #inTransaction} runs {@code work} on an
 * {@link InstanceTransaction} of one instance that is consistent and isolated: every read inside it
 * sees one state, no other transaction's writes to that instance interleave with it, and the writes
 * it makes through the transaction take effect together when {@code work} returns, or not at all
 * when it throws. Decisions made inside (StartTaskContact's steps 5-12 of behaviour.md section 3.2, a stop,
 * an attribute merge) therefore hold under any interleaving of concurrent calls, in one process or,
 * for a shared database, across processes. An adapter may run {@code work} more than once (to retry
 * a transient conflict), so {@code work} must have no effect other than through the transaction.
 *
 * <p>A transaction of an instance that has been deleted may be refused with
 * {@code ResourceNotFoundException INSTANCE} (see {@link InstanceDirectory#knownToExist}). Any
 * other failure of the adapter itself surfaces as an unchecked exception; the application turns
 * it into {@code InternalServiceException}.
 */
public interface ContactStore {

    <T> T inTransaction(String instanceId, Function<InstanceTransaction, T> work);

    /** A committed contact, read outside any transaction. */
    Optional<Contact> findContact(String instanceId, String contactId);

    /** A committed scope's attributes (empty when none), read outside any transaction. */
    Map<String, String> scopeAttributes(String instanceId, String initialContactId);

    /**
     * The committed contacts of the instance initiated from {@code from} to {@code to} (both included),
     * each with its scope's attributes, in no particular order; read through an index of initiation
     * time, never by reading every contact of the instance.
     */
    java.util.List<dev.connecttasks.domain.rules.SearchRules.Found> initiatedBetween(String instanceId, java.time.Instant from,
                                                                                   java.time.Instant to);

    /**
     * Removes every contact of the instance with what hangs off them (attribute scopes, client tokens,
     * linked-task counts, open-task counters), as if none had ever been started: the instance and its
     * set-up (flows, quick connects, templates) stay. A transaction of the instance running meanwhile
     * commits before the removal, or its writes are removed too or refused. The test controls' reset.
     */
    void clear(String instanceId);
}
