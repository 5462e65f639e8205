package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.rules.Admission;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The statements on {@code ct_instance_guard}, one row per instance with contacts or flows, and on its
 * open-task shards ({@code ct_open_shard}): the ways a dialect may lock the shards, the directory
 * version bumped by flow changes, and the rows' creation. Missing rows are created inside the attempt
 * that needs them, committed on their own (a duplicate from a concurrent creator is fine), after which
 * the attempt opens them again.
 */
final class GuardRows {

    private static final String COLUMNS = "shard, open_count, counted_until_ns, next_expiry_ns, slots, slots_quota, directory_version";
    private static final String LOCK_FOR_UPDATE = "SELECT " + COLUMNS + " FROM ct_open_shard WHERE instance_id = ? ORDER BY shard FOR UPDATE";
    /** An UPDATE of the rows that changes nothing, read back in the same statement. */
    private static final String LOCK_BY_UPDATE = "SELECT " + COLUMNS + " FROM FINAL TABLE "
            + "(UPDATE ct_open_shard SET open_count = open_count WHERE instance_id = ?) ORDER BY shard";
    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String INSERT = "INSERT INTO ct_instance_guard (instance_id) VALUES (?)";
    private static final String DELETED = "SELECT deleted_ns FROM ct_instance WHERE instance_id = ?";
    /** An empty shard's counters, with no slots yet: the instance's first start cuts them. */
    private static final java.util.Map<String, String> EMPTY_COUNTERS = new java.util.LinkedHashMap<>();
    static {
        EMPTY_COUNTERS.put("open_count", "0");
        EMPTY_COUNTERS.put("counted_until_ns", Long.toString(Long.MIN_VALUE));
        EMPTY_COUNTERS.put("next_expiry_ns", Long.toString(Long.MAX_VALUE));
        EMPTY_COUNTERS.put("slots", "0");
        EMPTY_COUNTERS.put("slots_quota", "0");
    }
    private static final String INSERT_SHARDS = "INSERT INTO ct_open_shard (instance_id, shard, " + String.join(", ", EMPTY_COUNTERS.keySet())
            + ", directory_version) VALUES " + String.join(", ", IntStream.range(0, OpenTaskShards.COUNT)
            .mapToObj(shard -> "(?, " + shard + ", " + String.join(", ", EMPTY_COUNTERS.values()) + ", 0)").toList());
    /** The counters set back to an empty shard's; the directory version stays, so flows cached against it stay valid. */
    private static final String EMPTY_SHARDS = "UPDATE ct_open_shard SET " + String.join(", ", EMPTY_COUNTERS.entrySet().stream()
            .map(counter -> counter.getKey() + " = " + counter.getValue()).toList()) + " WHERE instance_id = ?";
    private static final String BUMP_DIRECTORY = "UPDATE ct_instance_guard SET directory_version = directory_version + 1 WHERE instance_id = ?";
    private static final String BUMP_SHARDS = "UPDATE ct_open_shard SET directory_version = directory_version + 1 WHERE instance_id = ?";

    private GuardRows() {
    }

    /** The shards as locked: the directory version then, and the counters only their holder changes. */
    record Locked(long directoryVersion, OpenTaskShards shards) {
    }

    /** Locks the shards with {@code SELECT ... FOR UPDATE}; empty when the instance has none yet. */
    static Optional<Locked> lockForUpdate(Connection connection, String instanceId) {
        return locked(connection, instanceId, LOCK_FOR_UPDATE);
    }

    /** Locks the shards with an UPDATE read back in the same statement; empty when the instance has none yet. */
    static Optional<Locked> lockByUpdate(Connection connection, String instanceId) {
        return locked(connection, instanceId, LOCK_BY_UPDATE);
    }

    private record Shard(long directoryVersion, OpenTaskCounter counter) {
    }

    private static Optional<Locked> locked(Connection connection, String instanceId, String lockingRead) {
        List<Shard> rows = Sql.query(connection, lockingRead, row -> new Shard(row.getLong(7), new OpenTaskCounter(connection, instanceId,
                row.getInt(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6))), instanceId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<OpenTaskCounter> counters = new ArrayList<>();
        for (Shard row : rows) {
            if (row.directoryVersion() != rows.get(0).directoryVersion()) {
                throw new IllegalStateException("the open-task shards of instance " + instanceId + " disagree on the directory version");
            }
            counters.add(row.counter());
        }
        return Optional.of(new Locked(rows.get(0).directoryVersion(), new OpenTaskShards(counters)));
    }

    /**
     * The row's directory version, read without a lock at the start of an attempt, before it has read
     * or written anything else; missing rows are created first.
     */
    static long directoryVersion(Connection connection, String instanceId) {
        Optional<Long> version = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId);
        if (version.isPresent()) {
            return version.get();
        }
        create(connection, instanceId);
        // still none: the creator that won has not committed yet; the attempt runs again
        return Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId)
                .orElseThrow(() -> JdbcFailure.conflict("instance " + instanceId + " has no guard row yet; another transaction is creating it"));
    }

    /** Sets the instance's shards back to empty ones, which locks them in the caller's transaction: starts under way commit first. */
    static void empty(Connection connection, String instanceId) {
        Sql.update(connection, EMPTY_SHARDS, instanceId);
    }

    /** Locks the rows and marks the instance's flows as changed, in the caller's transaction. */
    static void bumpDirectory(Connection connection, String instanceId) {
        if (Sql.update(connection, BUMP_DIRECTORY, instanceId) == 0) {
            create(connection, instanceId);
            Sql.update(connection, BUMP_DIRECTORY, instanceId);
        }
        Sql.update(connection, BUMP_SHARDS, instanceId);
    }

    /**
     * The instance's first transaction creates its rows, unless the instance was deleted: then it is
     * refused with {@code ResourceNotFoundException INSTANCE}. Nothing has been written yet, so the read-only
     * transaction so far is ended, the INSERTs are committed on their own (PostgreSQL would abort a
     * transaction on a concurrent creator's duplicate), and the caller's work starts a new transaction.
     */
    private static void create(Connection connection, String instanceId) {
        try {
            connection.commit();
            refuseIfDeleted(connection, instanceId);
            try {
                Sql.update(connection, INSERT, instanceId);
                Sql.update(connection, INSERT_SHARDS, Collections.nCopies(OpenTaskShards.COUNT, instanceId).toArray());
                connection.commit();
            } catch (JdbcFailure failure) {
                // another creator's rows (a duplicate), or its INSERTs crossing these (MariaDB answers a deadlock): theirs will do
                String state = failure.sqlCause().getSQLState();
                if (state == null || !(state.startsWith("23") || state.equals("40001"))) {
                    throw failure;
                }
                connection.rollback();
            }
            // a deletion that committed before these rows did found none to delete: take them away again
            if (deleted(connection, instanceId)) {
                Sql.update(connection, "DELETE FROM ct_open_shard WHERE instance_id = ?", instanceId);
                Sql.update(connection, "DELETE FROM ct_instance_guard WHERE instance_id = ?", instanceId);
                connection.commit();
                throw Admission.instanceNotFound(instanceId);
            }
        } catch (SQLException e) {
            throw new JdbcFailure("creating the guard row of instance " + instanceId, e);
        }
    }

    /** A process that still took the instance for existing: its rows are gone with it, and stay gone. */
    private static void refuseIfDeleted(Connection connection, String instanceId) throws SQLException {
        if (deleted(connection, instanceId)) {
            connection.rollback();
            throw Admission.instanceNotFound(instanceId);
        }
    }

    /** Read without a lock (a locking read would lock the gap of a missing row on MariaDB, where concurrent creators deadlocked). */
    private static boolean deleted(Connection connection, String instanceId) {
        return Sql.queryOne(connection, DELETED, row -> Sql.optionalLong(row, "deleted_ns"), instanceId).flatMap(d -> d).isPresent();
    }
}
