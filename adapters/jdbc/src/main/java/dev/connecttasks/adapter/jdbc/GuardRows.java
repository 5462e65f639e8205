package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The statements on {@code ct_instance_guard}, one row per instance with contacts or flows: the ways
 * a dialect may open it, the directory version bumped by flow changes, and the row's creation. A
 * missing row is created inside the attempt that needs it, committed on its own (a duplicate from a
 * concurrent creator is fine), after which the attempt opens it again.
 */
final class GuardRows {

    private static final String COLUMNS = "open_count, counted_until_ns, next_expiry_ns, directory_version";
    private static final String LOCK_FOR_UPDATE = "SELECT " + COLUMNS + " FROM ct_instance_guard WHERE instance_id = ? FOR UPDATE";
    /** An UPDATE of the row, read back in the same statement; it counts the instance's transactions as it goes. */
    private static final String LOCK_BY_UPDATE = "SELECT " + COLUMNS + " FROM FINAL TABLE "
            + "(UPDATE ct_instance_guard SET transactions = transactions + 1 WHERE instance_id = ?)";
    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String INSERT = "INSERT INTO ct_instance_guard (instance_id, transactions) VALUES (?, 0)";
    private static final String BUMP_DIRECTORY = "UPDATE ct_instance_guard SET directory_version = directory_version + 1 WHERE instance_id = ?";

    private GuardRows() {
    }

    /** The row as locked: the directory version then, and the open-task counter only its holder changes. */
    record Locked(long directoryVersion, OpenTaskCounter counter) {
    }

    /** Locks the row with {@code SELECT ... FOR UPDATE}; empty when the instance has none yet. */
    static Optional<Locked> lockForUpdate(Connection connection, String instanceId) {
        return locked(connection, instanceId, LOCK_FOR_UPDATE);
    }

    /** Locks the row with an UPDATE read back in the same statement; empty when the instance has none yet. */
    static Optional<Locked> lockByUpdate(Connection connection, String instanceId) {
        return locked(connection, instanceId, LOCK_BY_UPDATE);
    }

    private static Optional<Locked> locked(Connection connection, String instanceId, String lockingRead) {
        return Sql.queryOne(connection, lockingRead, row -> new Locked(row.getLong(4),
                new OpenTaskCounter(connection, instanceId, row.getLong(1), row.getLong(2), row.getLong(3))), instanceId);
    }

    /**
     * The row's directory version, read without a lock at the start of an attempt, before it has read
     * or written anything else; a missing row is created first.
     */
    static long directoryVersion(Connection connection, String instanceId) {
        Optional<Long> version = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId);
        if (version.isPresent()) {
            return version.get();
        }
        create(connection, instanceId);
        return Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId)
                .orElseThrow(() -> new IllegalStateException("instance " + instanceId + " has no guard row after creating it"));
    }

    /** Locks the row and marks the instance's flows as changed, in the caller's transaction. */
    static void bumpDirectory(Connection connection, String instanceId) {
        if (Sql.update(connection, BUMP_DIRECTORY, instanceId) == 0) {
            create(connection, instanceId);
            Sql.update(connection, BUMP_DIRECTORY, instanceId);
        }
    }

    /**
     * The instance's first transaction creates its row. Nothing has been written yet, so the read-only
     * transaction so far is ended, the INSERT is committed on its own (PostgreSQL would abort a
     * transaction on a concurrent creator's duplicate), and the caller's work starts a new transaction.
     */
    private static void create(Connection connection, String instanceId) {
        try {
            connection.commit();
            try {
                Sql.update(connection, INSERT, instanceId);
                connection.commit();
            } catch (JdbcFailure failure) {
                String state = failure.sqlCause().getSQLState();
                if (state == null || !state.startsWith("23")) {
                    throw failure;
                }
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new JdbcFailure("creating the guard row of instance " + instanceId, e);
        }
    }
}
