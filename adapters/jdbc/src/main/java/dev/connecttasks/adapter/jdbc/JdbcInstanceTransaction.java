package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.InstanceTransaction;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.QuickConnect;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import dev.connecttasks.domain.template.TaskTemplate;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One instance inside a transaction, on the attempt's one connection: contacts, scopes, tokens and
 * counts, and the flows, quick connects and templates a start resolves. What a decision reads is
 * locked where calls meet, and held to the commit: a contact's chain (its initial contact's row), a
 * ClientToken's row (a token not yet stored is claimed at once with a row that the start completes
 * or its rollback removes), an open-task shard only for open tasks ({@link InstanceGuard}). So
 * transactions of one instance wait for each other only on a shared chain, a shared token or, from
 * a start's quota read to its commit, the open-task shard of its thread (or, when that one is full, all of them). Of two starts with one new ClientToken,
 * the second's claim waits for the first and then fails on the key, and its next attempt reads the
 * first's token. Writes are held back until the transaction's next read or its end, and then sent together
 * ({@link PendingWrites}); what the work has read is remembered, so a write knows what it changes
 * without asking again. Reading a contact also reads its scope (the attributes in its initial
 * contact's row) and its count of linked tasks, which a linked or related start asks for next. A
 * flow is read once per directory version ({@link FlowRows.AtVersion}, confirmed by {@link InstanceGuard}).
 */
final class JdbcInstanceTransaction implements InstanceTransaction {

    private static final String TOKEN = "SELECT client_token, fingerprint, contact_id, created_ns FROM ct_client_token "
            + "WHERE instance_id = ? AND client_token = ? FOR UPDATE";
    private static final String INSERT_TOKEN = "INSERT INTO ct_client_token (instance_id, client_token, fingerprint, contact_id, created_ns) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_TOKEN = "UPDATE ct_client_token SET fingerprint = ?, contact_id = ?, created_ns = ? "
            + "WHERE instance_id = ? AND client_token = ?";
    /** A transfer's successor names the task it replaces as PreviousContactId, but is no linked task (behaviour.md). */
    private static final String LINKED = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND previous_contact_id = ? "
            + "AND initiation_method <> 'TRANSFER'";
    private static final String CHAIN_LINKED = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND initial_contact_id = ? "
            + "AND previous_contact_id IS NOT NULL AND initiation_method <> 'TRANSFER'";

    private final Connection connection;
    private final String instanceId;
    private final PendingWrites writes;
    /** ClientTokens whose row this transaction holds: read FOR UPDATE, or claimed. */
    private final Set<String> tokenRows = new HashSet<>();
    /** Contacts as this transaction read them, so an update knows what it changes. */
    private final Map<String, Contact> contactsRead = new HashMap<>();
    /** Scopes and linked counts read along with a contact and not written since. */
    private final Map<String, Map<String, String>> scopesRead = new HashMap<>();
    private final Map<String, Integer> linkedRead = new HashMap<>();
    /** Contacts whose chain this transaction holds locked. */
    private final Set<String> chainsLocked = new HashSet<>();
    private final InstanceGuard guard;

    JdbcInstanceTransaction(Attempt attempt, String instanceId, FlowRows.AtVersion flows) {
        this.connection = attempt.connection();
        this.instanceId = instanceId;
        this.guard = InstanceGuard.open(attempt, instanceId, flows);
        this.writes = attempt.dialect().pendingWrites(connection);
    }

    /** Sends the held-back writes and the open-task count, with the commit where the dialect sends it along: the last step. */
    void finish() {
        guard.finish(writes);
        writes.flushAndCommit();
    }

    /** A refusal, like an answer, must rest on one moment's reads: where a flow was read and the directory has moved since, this throws a conflict. */
    void confirmUnmoved() {
        guard.confirmUnmoved();
    }

    /** Sends the writes held back, so that the read that follows sees them. */
    private void flushBeforeRead() {
        writes.flush();
    }

    @Override
    public Optional<ContactFlow> flow(String contactFlowId) {
        return guard.flow(contactFlowId);
    }

    /** Read from the row, not from the flows remembered at a directory version: no slot will confirm that version here. */
    @Override
    public Optional<ContactFlow> currentFlow(String contactFlowId) {
        flushBeforeRead();
        return FlowRows.find(connection, instanceId, contactFlowId);
    }

    @Override
    public Optional<QuickConnect> quickConnect(String quickConnectId) {
        return JdbcQuickConnectDirectory.find(connection, instanceId, quickConnectId);
    }

    @Override
    public Optional<TaskTemplate> taskTemplate(String taskTemplateId) {
        return JdbcTaskTemplateDirectory.find(connection, instanceId, taskTemplateId);
    }

    @Override
    public Optional<Contact> contact(String contactId) {
        flushBeforeRead();
        if (!lockChainOf(contactId)) {
            return Optional.empty();
        }
        Optional<ContactRows.WithChain> found = ContactRows.findWithChain(connection, instanceId, contactId);
        found.ifPresent(f -> {
            contactsRead.put(contactId, f.contact());
            scopesRead.put(f.contact().initialContactId(), f.scope());
            linkedRead.put(contactId, f.linkedTasks());
        });
        return found.map(ContactRows.WithChain::contact);
    }

    /** Locks the chain of the contact once per transaction; false when there is no such contact. */
    private boolean lockChainOf(String contactId) {
        if (chainsLocked.contains(contactId)) {
            return true;
        }
        boolean found = ContactRows.lockChain(connection, instanceId, contactId);
        if (found) {
            chainsLocked.add(contactId);
        }
        return found;
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        Map<String, String> scope = scopesRead.get(initialContactId);
        if (scope != null) {
            return scope;
        }
        flushBeforeRead();
        lockChainOf(initialContactId);
        return ContactRows.scope(connection, instanceId, initialContactId);
    }

    @Override
    public Optional<ClientTokenRecord> clientToken(String clientToken) {
        flushBeforeRead();
        Optional<ClientTokenRecord> token = Sql.queryOne(connection, TOKEN, row -> new ClientTokenRecord(row.getString(1),
                row.getString(2), row.getString(3), Nanos.instant(row.getLong(4))), instanceId, clientToken);
        if (token.isEmpty()) {
            insertToken(new Object[] {instanceId, clientToken, "", "", Long.MIN_VALUE});
        }
        tokenRows.add(clientToken);
        return token;
    }

    @Override
    public int linkedTaskCount(String previousContactId) {
        Integer linked = linkedRead.get(previousContactId);
        if (linked != null) {
            return linked;
        }
        flushBeforeRead();
        lockChainOf(previousContactId);
        return Sql.count(connection, LINKED, instanceId, previousContactId);
    }

    @Override
    public int chainLinkedTaskCount(String initialContactId) {
        flushBeforeRead();
        lockChainOf(initialContactId);
        return Sql.count(connection, CHAIN_LINKED, instanceId, initialContactId);
    }

    @Override
    public int openTaskCount(Instant now) {
        flushBeforeRead();
        return guard.count(Nanos.of(now));
    }

    @Override
    public int openTaskCountReserving(Instant now, int quota) {
        flushBeforeRead();
        return guard.countReserving(Nanos.of(now), quota);
    }

    @Override
    public void insertTask(NewTask task) {
        insert(task.contact(), task.scopeId(), task.scopeAttributes());
        task.clientToken().ifPresent(this::putClientToken);
    }

    @Override
    public void insertContact(Contact contact, Map<String, String> attributes, Optional<ClientTokenRecord> clientToken) {
        insert(contact, contact.initialContactId(), attributes);
        clientToken.ifPresent(this::putClientToken);
    }

    /** A contact that starts its scope carries the scope's attributes in its own row; one that joins a chain updates the chain's. */
    private void insert(Contact contact, String scopeId, Map<String, String> scopeAttributes) {
        boolean ownScope = scopeId.equals(contact.contactId());
        int openShard = guard.shardOfNewContact();
        ContactRows.insert(writes, contact, ownScope ? scopeAttributes : Map.of(), openShard);
        if (!ownScope) {
            putScopeAttributes(scopeId, scopeAttributes);
        }
        contact.previousContactId().ifPresent(linkedRead::remove);
        guard.changed(contact.contactId(), openShard, Optional.empty(), ContactRows.openUntil(contact));
    }

    @Override
    public void updateContact(Contact contact) {
        Contact before = contactsRead.get(contact.contactId());
        if (before == null) {
            flushBeforeRead();
            lockChainOf(contact.contactId());
            before = ContactRows.find(connection, instanceId, contact.contactId()).orElseThrow(
                    () -> new IllegalStateException("updating contact " + contact.contactId() + ", which has no row"));
        }
        ContactRows.update(writes, before, contact);
        contactsRead.put(contact.contactId(), contact);
        guard.changed(contact.contactId(), ContactRows.openUntil(before), ContactRows.openUntil(contact));
    }

    @Override
    public void putScopeAttributes(String initialContactId, Map<String, String> attributes) {
        scopesRead.remove(initialContactId);
        ContactRows.updateScope(writes, instanceId, initialContactId, attributes);
    }

    /**
     * Sent at once: a concurrent start that claimed the same new token first makes this INSERT wait for
     * it and then fail on the key, which is a conflict to run again (the next attempt reads that token).
     */
    private void insertToken(Object[] insert) {
        try {
            Sql.update(connection, INSERT_TOKEN, insert);
        } catch (JdbcFailure failure) {
            String state = failure.sqlCause().getSQLState();
            if (state != null && state.startsWith("23")) {
                throw JdbcFailure.conflict("instance " + instanceId + ": another start took ClientToken " + insert[1] + " first");
            }
            throw failure;
        }
    }

    private void putClientToken(ClientTokenRecord token) {
        Object[] update = {token.requestFingerprint(), token.contactId(), Nanos.of(token.createdAt()), instanceId, token.clientToken()};
        Object[] insert = {instanceId, token.clientToken(), token.requestFingerprint(), token.contactId(), Nanos.of(token.createdAt())};
        if (tokenRows.contains(token.clientToken())) {
            writes.add(UPDATE_TOKEN, update);
        } else {
            writes.flush();
            if (Sql.update(connection, UPDATE_TOKEN, update) == 0) {
                insertToken(insert);
            }
            tokenRows.add(token.clientToken());
        }
    }
}
