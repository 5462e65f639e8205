package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** What the database itself holds for one instance, read outside the service and its pools. */
final class DatabaseRows {

    private final TestDatabase database;
    private final String instance;

    DatabaseRows(TestDatabase database, String instance) {
        this.database = database;
        this.instance = instance;
    }

    int contacts() {
        return count("SELECT COUNT(*) FROM ct_contact WHERE instance_id = ?");
    }

    int linkedTo(String previousContactId) {
        return count("SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND previous_contact_id = ?", previousContactId);
    }

    int openTasks() {
        return count("SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND open_until_ns > ?", Nanos.of(Instant.now()));
    }

    int guardRows() {
        return count("SELECT COUNT(*) FROM ct_instance_guard WHERE instance_id = ?");
    }

    int openTaskShards() {
        return count("SELECT COUNT(*) FROM ct_open_shard WHERE instance_id = ?");
    }

    java.util.List<String> flowIds() {
        return read(connection -> Sql.query(connection, "SELECT contact_flow_id FROM ct_contact_flow WHERE instance_id = ?",
                row -> row.getString(1), instance));
    }

    int clientTokens() {
        return count("SELECT COUNT(*) FROM ct_client_token WHERE instance_id = ?");
    }

    int contactsWithAClientToken() {
        return count("SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND client_token IS NOT NULL");
    }

    /** Contacts whose chain's initial contact has no row: must be none. */
    int contactsWithoutTheirInitialContact() {
        return count("SELECT COUNT(*) FROM ct_contact c WHERE c.instance_id = ? AND NOT EXISTS "
                + "(SELECT 1 FROM ct_contact i WHERE i.instance_id = c.instance_id AND i.contact_id = c.initial_contact_id)");
    }

    String previousContactId(String contactId) {
        return read(connection -> Sql.queryOne(connection, "SELECT previous_contact_id FROM ct_contact WHERE instance_id = ? AND contact_id = ?",
                row -> java.util.Optional.ofNullable(row.getString(1)), instance, contactId)
                .orElseThrow(() -> new AssertionError("no row for contact " + contactId)).orElse(null));
    }

    Map<String, String> scopeAttributes(String scopeId) {
        return read(connection -> ContactRows.scope(connection, instance, scopeId));
    }

    private int count(String sql, Object... more) {
        Object[] parameters = new Object[more.length + 1];
        parameters[0] = instance;
        System.arraycopy(more, 0, parameters, 1, more.length);
        return read(connection -> Sql.count(connection, sql, parameters));
    }

    private <T> T read(TestDatabase.SqlWork<T> work) {
        try {
            return database.withAdminConnection(work);
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database.label(), e);
        }
    }
}
