package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.Optional;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL. Every round trip costs more than the statement it carries, so the guard is locked with
 * {@code SELECT ... FOR UPDATE} (one round trip the transaction needs anyway) and the held-back
 * writes travel together with the COMMIT: the driver sends the statements of one prepared
 * statement, separated by semicolons, in one round trip.
 */
final class PostgresDialect implements Dialect {

    static final PostgresDialect INSTANCE = new PostgresDialect();

    /** 40P01 deadlock, 55P03 lock not available; 57P0x (an operator ended the session) comes with the common checks. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "55P03");

    private PostgresDialect() {
    }

    @Override
    public String migrationFolder() {
        return "postgresql";
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("text", "TEXT", "long_text", "TEXT", "table_options", "");
    }

    @Override
    public Optional<GuardRows.Locked> lockGuard(Connection connection, String instanceId) {
        return GuardRows.lockForUpdate(connection, instanceId);
    }

    @Override
    public PendingWrites pendingWrites(Connection connection) {
        return PendingWrites.combinedWithCommit(connection);
    }

    @Override
    public boolean isTransient(SQLException failure) {
        return TransientFailures.isTransient(failure, TRANSIENT_STATES, Set.of());
    }
}
