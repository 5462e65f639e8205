package dev.connecttasks.adapter.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.List;

/**
 * Checks every instance's open-task shards against their rows when a service opens the database, and
 * repairs the instances where one differs, with every shard of the instance locked. The counts are
 * derived data (the rows are the truth): should a store ever lose them, the quota must not be overrun
 * because of it. A repaired instance's slots are taken away, so its next start counts and cuts them anew.
 */
final class OpenTaskCounters {

    private static final System.Logger LOG = System.getLogger("dev.connecttasks.jdbc");
    private static final String ROWS_AFTER = "FROM ct_contact c WHERE c.instance_id = s.instance_id AND c.open_shard = s.shard "
            + "AND c.open_until_ns > s.counted_until_ns";
    /**
     * Shards whose count differs from their rows, whose bound on the next expiry is past the true one,
     * that hold more than their slots, or whose count time or directory version differs from another
     * shard's of the instance; and instances without all their shards.
     */
    private static final String DRIFTED = "SELECT DISTINCT s.instance_id FROM ct_open_shard s WHERE s.open_count <> (SELECT COUNT(*) "
            + ROWS_AFTER + ") OR s.next_expiry_ns > COALESCE((SELECT MIN(c.open_until_ns) " + ROWS_AFTER + "), " + Long.MAX_VALUE + ") "
            + "OR s.open_count > s.slots AND s.slots > 0 "
            + "OR EXISTS (SELECT 1 FROM ct_open_shard o WHERE o.instance_id = s.instance_id AND (o.counted_until_ns <> s.counted_until_ns "
            + "OR o.directory_version <> s.directory_version)) "
            + "UNION SELECT g.instance_id FROM ct_instance_guard g WHERE (SELECT COUNT(*) FROM ct_open_shard s WHERE s.instance_id = g.instance_id) <> "
            + OpenTaskShards.COUNT;
    private static final String LOCK = "SELECT shard FROM ct_open_shard WHERE instance_id = ? ORDER BY shard FOR UPDATE";
    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String INSERT_MISSING = "INSERT INTO ct_open_shard (instance_id, shard, open_count, counted_until_ns, next_expiry_ns, "
            + "slots, slots_quota, directory_version) VALUES (?, ?, 0, 0, 0, 0, 0, 0)";
    private static final String OPEN = "FROM ct_contact c WHERE c.instance_id = ? AND c.open_shard = ? AND c.open_until_ns IS NOT NULL";
    /** Counted from the earliest time, with no slots, so that the next start counts every shard at its time and cuts them. */
    private static final String RECOUNT = "UPDATE ct_open_shard SET open_count = (SELECT COUNT(*) " + OPEN + "), counted_until_ns = "
            + Long.MIN_VALUE + ", next_expiry_ns = COALESCE((SELECT MIN(c.open_until_ns) " + OPEN + "), " + Long.MAX_VALUE + "), "
            + "slots = 0, directory_version = ? WHERE instance_id = ? AND shard = ?";

    private OpenTaskCounters() {
    }

    /** Repairs every drifted instance; returns the instances repaired. */
    static List<String> repair(JdbcTransactions transactions) {
        List<String> drifted = transactions.autoCommit(connection -> Sql.query(connection, DRIFTED, row -> row.getString(1)));
        for (String instanceId : drifted) {
            transactions.run(attempt -> {
                repairOne(attempt.connection(), instanceId);
                return null;
            });
        }
        if (!drifted.isEmpty()) {
            LOG.log(Level.WARNING, "repaired the open-task counts of " + drifted.size() + " instance(s) to match their rows: " + drifted);
        }
        return drifted;
    }

    /** The instance's shards counted anew from its rows, under their lock; missing shards are created first. */
    private static void repairOne(Connection connection, String instanceId) {
        List<Integer> present = Sql.query(connection, LOCK, row -> row.getInt(1), instanceId);
        long version = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId).orElse(0L);
        for (int shard = 0; shard < OpenTaskShards.COUNT; shard++) {
            if (!present.contains(shard)) {
                Sql.update(connection, INSERT_MISSING, instanceId, shard);
            }
            Sql.update(connection, RECOUNT, instanceId, shard, instanceId, shard, version, instanceId, shard);
        }
    }
}
