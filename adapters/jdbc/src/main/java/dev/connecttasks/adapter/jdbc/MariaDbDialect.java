package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.Optional;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB (and MySQL), at READ COMMITTED. The guard is locked with {@code SELECT ... FOR UPDATE}. Connector/J sends
 * several statements in one round trip only with {@code allowMultiQueries=true} on the
 * application's URL, which the adapter does not assume, so writes go one by one. Tables are
 * {@code utf8mb4} with a binary collation, so text compares and comes back byte for byte.
 */
final class MariaDbDialect implements Dialect {

    static final MariaDbDialect INSTANCE = new MariaDbDialect();

    /** 70100 query interrupted. */
    private static final Set<String> TRANSIENT_STATES = Set.of("70100");
    /** 1205 lock wait timeout, 1213 deadlock, 1927 connection killed. */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(1205, 1213, 1927);

    private MariaDbDialect() {
    }

    @Override
    public String migrationFolder() {
        return "mariadb";
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("text", "TEXT", "long_text", "MEDIUMTEXT",
                "table_options", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_nopad_bin");
    }

    @Override
    public Optional<GuardRows.Locked> lockGuard(Connection connection, String instanceId) {
        return GuardRows.lockForUpdate(connection, instanceId);
    }

    /**
     * READ COMMITTED, as on the other databases: under MariaDB's default REPEATABLE READ a plain read
     * after a row lock would still see the snapshot of the transaction's first read, from before the
     * lock. The driver sends the setting only when it changes the connection's level.
     */
    @Override
    public void beginTransaction(Connection connection) {
        try {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } catch (SQLException e) {
            throw new JdbcFailure("setting READ COMMITTED", e);
        }
    }

    @Override
    public PendingWrites pendingWrites(Connection connection) {
        return PendingWrites.oneByOne(connection);
    }

    @Override
    public boolean isTransient(SQLException failure) {
        return TransientFailures.isTransient(failure, TRANSIENT_STATES, TRANSIENT_CODES);
    }
}
