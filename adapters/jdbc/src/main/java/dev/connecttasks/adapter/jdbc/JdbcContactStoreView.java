package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.application.port.out.ContactStoreView;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.rules.ClientTokenRecord;
import dev.connecttasks.domain.rules.TaskDraft.NewTask;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One instance inside a guarded transaction. Writes go to the database at once (the transaction
 * makes them atomic); what the work has read is remembered, so a write knows whether to insert or
 * update without asking again.
 */
final class JdbcContactStoreView implements ContactStoreView {

    private static final String TOKEN = "SELECT client_token, fingerprint, contact_id, created_ns FROM ct_client_token "
            + "WHERE instance_id = ? AND client_token = ?";
    private static final String INSERT_TOKEN = "INSERT INTO ct_client_token (instance_id, client_token, fingerprint, contact_id, created_ns) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String UPDATE_TOKEN = "UPDATE ct_client_token SET fingerprint = ?, contact_id = ?, created_ns = ? "
            + "WHERE instance_id = ? AND client_token = ?";
    private static final String LINKED = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND previous_contact_id = ?";
    private static final String INSERT_SCOPE = "INSERT INTO ct_scope (instance_id, scope_id, attributes_json) VALUES (?, ?, ?)";
    private static final String UPDATE_SCOPE = "UPDATE ct_scope SET attributes_json = ? WHERE instance_id = ? AND scope_id = ?";

    private final Connection connection;
    private final String instanceId;
    /** Scope id to whether its row exists, for scopes this transaction has read or written. */
    private final Map<String, Boolean> scopeRows = new HashMap<>();
    private final Map<String, Boolean> tokenRows = new HashMap<>();
    /** Contacts as this transaction read them, so an update knows what it changes. */
    private final Map<String, Contact> contactsRead = new HashMap<>();
    private final InstanceGuard openTasks;

    JdbcContactStoreView(Connection connection, String instanceId, InstanceGuard openTasks) {
        this.connection = connection;
        this.instanceId = instanceId;
        this.openTasks = openTasks;
    }

    @Override
    public Optional<Contact> contact(String contactId) {
        Optional<Contact> contact = ContactRows.find(connection, instanceId, contactId);
        contact.ifPresent(c -> contactsRead.put(contactId, c));
        return contact;
    }

    @Override
    public Map<String, String> scopeAttributes(String initialContactId) {
        Optional<Map<String, String>> scope = JdbcContactStore.scope(connection, instanceId, initialContactId);
        scopeRows.put(initialContactId, scope.isPresent());
        return scope.orElse(Map.of());
    }

    @Override
    public Optional<ClientTokenRecord> clientToken(String clientToken) {
        Optional<ClientTokenRecord> token = Sql.queryOne(connection, TOKEN, row -> new ClientTokenRecord(row.getString(1),
                row.getString(2), row.getString(3), Nanos.instant(row.getLong(4))), instanceId, clientToken);
        tokenRows.put(clientToken, token.isPresent());
        return token;
    }

    @Override
    public int linkedTaskCount(String previousContactId) {
        return Sql.count(connection, LINKED, instanceId, previousContactId);
    }

    @Override
    public int openTaskCount(Instant now) {
        return openTasks.openAt(Nanos.of(now));
    }

    @Override
    public void insertTask(NewTask task) {
        Contact contact = task.contact();
        ContactRows.insert(connection, contact);
        openTasks.changed(Optional.empty(), ContactRows.openUntil(contact));
        if (task.scopeId().equals(contact.contactId())) {
            // A new chain: its scope is keyed by a fresh id, so no row can exist yet.
            scopeRows.put(task.scopeId(), false);
        }
        putScopeAttributes(task.scopeId(), task.scopeAttributes());
        task.clientToken().ifPresent(this::putClientToken);
    }

    @Override
    public void insertContact(Contact contact, Map<String, String> attributes) {
        ContactRows.insert(connection, contact);
        openTasks.changed(Optional.empty(), ContactRows.openUntil(contact));
        if (!attributes.isEmpty()) {
            putScopeAttributes(contact.initialContactId(), attributes);
        }
    }

    @Override
    public void updateContact(Contact contact) {
        Contact before = contactsRead.containsKey(contact.contactId()) ? contactsRead.get(contact.contactId())
                : ContactRows.find(connection, instanceId, contact.contactId()).orElseThrow(
                        () -> new IllegalStateException("updating contact " + contact.contactId() + ", which has no row"));
        ContactRows.update(connection, contact);
        contactsRead.put(contact.contactId(), contact);
        openTasks.changed(ContactRows.openUntil(before), ContactRows.openUntil(contact));
    }

    @Override
    public void putScopeAttributes(String initialContactId, Map<String, String> attributes) {
        Boolean exists = scopeRows.get(initialContactId);
        if (exists == null) {
            exists = Sql.update(connection, UPDATE_SCOPE, JsonColumns.attributes(attributes), instanceId, initialContactId) > 0;
            if (exists) {
                return;
            }
        } else if (exists) {
            Sql.update(connection, UPDATE_SCOPE, JsonColumns.attributes(attributes), instanceId, initialContactId);
            return;
        }
        if (!attributes.isEmpty()) {
            Sql.update(connection, INSERT_SCOPE, instanceId, initialContactId, JsonColumns.attributes(attributes));
            scopeRows.put(initialContactId, true);
        }
    }

    private void putClientToken(ClientTokenRecord token) {
        Boolean exists = tokenRows.get(token.clientToken());
        boolean updated = !Boolean.FALSE.equals(exists) && Sql.update(connection, UPDATE_TOKEN, token.requestFingerprint(),
                token.contactId(), Nanos.of(token.createdAt()), instanceId, token.clientToken()) > 0;
        if (!updated) {
            Sql.update(connection, INSERT_TOKEN, instanceId, token.clientToken(), token.requestFingerprint(), token.contactId(),
                    Nanos.of(token.createdAt()));
        }
        tokenRows.put(token.clientToken(), true);
    }
}
