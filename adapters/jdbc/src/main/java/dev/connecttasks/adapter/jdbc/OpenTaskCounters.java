package dev.connecttasks.adapter.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.List;

/**
 * Checks every instance's open-task counter against its rows when a service opens the database, and
 * repairs the ones that differ, each under its instance's lock. The counter is derived data (the
 * rows are the truth): should a store ever lose it, the quota must not be overrun because of it.
 */
final class OpenTaskCounters {

    private static final System.Logger LOG = System.getLogger("dev.connecttasks.jdbc");
    private static final String ROWS_AFTER = "FROM ct_contact c WHERE c.instance_id = g.instance_id AND c.open_until_ns > g.counted_until_ns";
    /** Counters whose count differs from their rows, or whose bound on the next expiry is past the true one. */
    private static final String DRIFTED = "SELECT g.instance_id FROM ct_instance_guard g WHERE g.open_count <> (SELECT COUNT(*) " + ROWS_AFTER
            + ") OR g.next_expiry_ns > COALESCE((SELECT MIN(c.open_until_ns) " + ROWS_AFTER + "), " + Long.MAX_VALUE + ")";
    private static final String LOCK = "SELECT counted_until_ns FROM ct_instance_guard WHERE instance_id = ? FOR UPDATE";
    private static final String COUNT = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND open_until_ns > ?";
    private static final String WRITE = "UPDATE ct_instance_guard SET open_count = ?, next_expiry_ns = ? WHERE instance_id = ?";

    private OpenTaskCounters() {
    }

    /** Repairs every drifted counter; returns the instances repaired. */
    static List<String> repair(JdbcTransactions transactions) {
        List<String> drifted = transactions.autoCommit(connection -> Sql.query(connection, DRIFTED, row -> row.getString(1)));
        for (String instanceId : drifted) {
            transactions.run(attempt -> {
                repairOne(attempt.connection(), instanceId);
                return null;
            });
        }
        if (!drifted.isEmpty()) {
            LOG.log(Level.WARNING, "repaired the open-task counter of " + drifted.size() + " instance(s) to match their rows: " + drifted);
        }
        return drifted;
    }

    private static void repairOne(Connection connection, String instanceId) {
        long countedUntil = Sql.queryOne(connection, LOCK, row -> row.getLong(1), instanceId).orElseThrow();
        int open = Sql.count(connection, COUNT, instanceId, countedUntil);
        long nextExpiry = OpenTaskCounter.nextExpiryAfter(connection, instanceId, countedUntil);
        Sql.update(connection, WRITE, open, nextExpiry, instanceId);
    }
}
