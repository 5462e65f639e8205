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
import java.util.Map;
import java.util.Optional;

/**
 * One instance inside a guarded transaction, on the attempt's one connection: contacts, scopes,
 * tokens and counts, and the flows, quick connects and templates a start resolves. Writes are held back until the transaction's next read
 * or its end, and then sent together ({@link PendingWrites}); what the work has read is remembered,
 * so a write knows what it changes without asking again. Reading a contact also reads its scope
 * (the attributes in its initial contact's row) and its count of linked tasks, which a linked or
 * related start asks for next: one statement instead of three. A flow is read once per directory
 * version ({@link FlowRows.AtVersion}).
 */
final class JdbcInstanceTransaction implements InstanceTransaction {

    private static final String TOKEN = "SELECT client_token, fingerprint, contact_id, created_ns FROM ct_client_token "
            + "WHERE instance_id = ? AND client_token = ?";
    private static final String INSERT_TOKEN = "INSERT INTO ct_client_token (instance_id, client_token, fingerprint, contact_id, created_ns) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_TOKEN = "UPDATE ct_client_token SET fingerprint = ?, contact_id = ?, created_ns = ? "
            + "WHERE instance_id = ? AND client_token = ?";
    private static final String LINKED = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND previous_contact_id = ?";

    private final Connection connection;
    private final String instanceId;
    private final PendingWrites writes;
    private final Map<String, Boolean> tokenRows = new HashMap<>();
    /** Contacts as this transaction read them, so an update knows what it changes. */
    private final Map<String, Contact> contactsRead = new HashMap<>();
    /** Scopes and linked counts read along with a contact and not written since. */
    private final Map<String, Map<String, String>> scopesRead = new HashMap<>();
    private final Map<String, Integer> linkedRead = new HashMap<>();
    private final InstanceLock lock;
    private final OpenTaskCounter openTasks;
    private final FlowRows.AtVersion flows;

    JdbcInstanceTransaction(Attempt attempt, String instanceId, Guard guard, FlowRows.AtVersion flows) {
        this.connection = attempt.connection();
        this.instanceId = instanceId;
        this.lock = guard.lock();
        this.openTasks = guard.counter();
        this.flows = flows;
        this.writes = attempt.dialect().pendingWrites(connection);
    }

    /** Sends the held-back writes and the open-task counter, with the commit where the dialect sends it along: the last step. */
    void finish() {
        lock.finish(writes, openTasks);
        writes.flushAndCommit();
    }

    /** A refusal, like an answer, must rest on one moment's reads: where the guard was only read and has moved since, this throws a conflict. */
    void confirmUnmoved() {
        lock.confirmUnmoved();
    }

    /** Sends the writes held back, claiming the guard first if it was only read, so that the read that follows sees them. */
    private void flushBeforeRead() {
        if (writes.holdsAny()) {
            lock.claimBeforeWrites(writes);
        }
        writes.flush();
    }

    @Override
    public Optional<ContactFlow> flow(String contactFlowId) {
        return flows.find(connection, instanceId, contactFlowId, lock.directoryVersion());
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
        Optional<ContactRows.WithChain> found = ContactRows.findWithChain(connection, instanceId, contactId);
        found.ifPresent(f -> {
            contactsRead.put(contactId, f.contact());
            scopesRead.put(f.contact().initialContactId(), f.scope());
            linkedRead.put(contactId, f.linkedTasks());
        });
        return found.map(ContactRows.WithChain::contact);
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        Map<String, String> scope = scopesRead.get(initialContactId);
        if (scope != null) {
            return scope;
        }
        flushBeforeRead();
        return ContactRows.scope(connection, instanceId, initialContactId);
    }

    @Override
    public Optional<ClientTokenRecord> clientToken(String clientToken) {
        flushBeforeRead();
        Optional<ClientTokenRecord> token = Sql.queryOne(connection, TOKEN, row -> new ClientTokenRecord(row.getString(1),
                row.getString(2), row.getString(3), Nanos.instant(row.getLong(4))), instanceId, clientToken);
        tokenRows.put(clientToken, token.isPresent());
        return token;
    }

    @Override
    public int linkedTaskCount(String previousContactId) {
        Integer linked = linkedRead.get(previousContactId);
        if (linked != null) {
            return linked;
        }
        flushBeforeRead();
        return Sql.count(connection, LINKED, instanceId, previousContactId);
    }

    @Override
    public int openTaskCount(Instant now) {
        flushBeforeRead();
        return openTasks.openAt(Nanos.of(now));
    }

    @Override
    public void insertTask(NewTask task) {
        insert(task.contact(), task.scopeId(), task.scopeAttributes());
        task.clientToken().ifPresent(this::putClientToken);
    }

    @Override
    public void insertContact(Contact contact, Map<String, String> attributes) {
        insert(contact, contact.initialContactId(), attributes);
    }

    /** A contact that starts its scope carries the scope's attributes in its own row; one that joins a chain updates the chain's. */
    private void insert(Contact contact, String scopeId, Map<String, String> scopeAttributes) {
        boolean ownScope = scopeId.equals(contact.contactId());
        ContactRows.insert(writes, contact, ownScope ? scopeAttributes : Map.of());
        if (!ownScope) {
            putScopeAttributes(scopeId, scopeAttributes);
        }
        contact.previousContactId().ifPresent(linkedRead::remove);
        openTasks.changed(Optional.empty(), ContactRows.openUntil(contact));
    }

    @Override
    public void updateContact(Contact contact) {
        Contact before = contactsRead.get(contact.contactId());
        if (before == null) {
            flushBeforeRead();
            before = ContactRows.find(connection, instanceId, contact.contactId()).orElseThrow(
                    () -> new IllegalStateException("updating contact " + contact.contactId() + ", which has no row"));
        }
        ContactRows.update(writes, contact);
        contactsRead.put(contact.contactId(), contact);
        openTasks.changed(ContactRows.openUntil(before), ContactRows.openUntil(contact));
    }

    @Override
    public void putScopeAttributes(String initialContactId, Map<String, String> attributes) {
        scopesRead.remove(initialContactId);
        ContactRows.updateScope(writes, instanceId, initialContactId, attributes);
    }

    private void putClientToken(ClientTokenRecord token) {
        Boolean exists = tokenRows.get(token.clientToken());
        Object[] update = {token.requestFingerprint(), token.contactId(), Nanos.of(token.createdAt()), instanceId, token.clientToken()};
        Object[] insert = {instanceId, token.clientToken(), token.requestFingerprint(), token.contactId(), Nanos.of(token.createdAt())};
        if (exists == null) {
            lock.claimBeforeWrites(writes);
            writes.flush();
            if (Sql.update(connection, UPDATE_TOKEN, update) == 0) {
                Sql.update(connection, INSERT_TOKEN, insert);
            }
        } else {
            writes.add(exists ? UPDATE_TOKEN : INSERT_TOKEN, exists ? update : insert);
        }
        tokenRows.put(token.clientToken(), true);
    }
}
