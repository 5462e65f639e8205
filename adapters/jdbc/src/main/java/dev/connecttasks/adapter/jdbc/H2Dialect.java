package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Embedded H2. There are no round trips, so what costs is each statement's own work: the first
 * attempt of a transaction only reads the guard row and claims it with its first write (the row is
 * written once, not twice); later attempts lock it first, so a contended instance still makes
 * progress. The lock is an UPDATE read back in the same statement, since H2 parses a
 * {@code SELECT ... FOR UPDATE} again on every call but keeps an UPDATE in its statement cache.
 * Writes go one by one: there is nothing to save by combining them.
 */
final class H2Dialect implements Dialect {

    static final H2Dialect INSTANCE = new H2Dialect();

    /** HYT00: lock wait timeout. */
    private static final Set<String> TRANSIENT_STATES = Set.of("HYT00");

    private H2Dialect() {
    }

    @Override
    public String migrationFolder() {
        return "h2";
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("text", "VARCHAR", "long_text", "VARCHAR", "table_options", "");
    }

    @Override
    public Guard openGuard(Attempt attempt, String instanceId) {
        return attempt.isFirst() ? GuardRows.readUnlocked(attempt.connection(), instanceId)
                : GuardRows.lockByUpdate(attempt.connection(), instanceId);
    }

    @Override
    public PendingWrites pendingWrites(Connection connection) {
        return PendingWrites.oneByOne(connection);
    }

    @Override
    public boolean isTransient(SQLException failure) {
        return TransientFailures.isTransient(failure, TRANSIENT_STATES, Set.of());
    }
}
