package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.Optional;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * Embedded H2. There are no round trips, so what costs is each statement's own work. The guard is
 * locked with an UPDATE read back in the same statement, since H2 parses a
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

    /**
     * H2 keeps committed changes in memory and writes them to its file in the background, every
     * WRITE_DELAY milliseconds (500 by default): a process killed within that delay loses calls it had
     * answered. Each commit is therefore written out ({@link #writeOut}) before its call is answered;
     * concurrent commits share one write-out ({@code GroupWriteOut}).
     * With a write per commit, the file would grow without bound unless the space of superseded data
     * is reused soon ({@code RETENTION_TIME 1000}) and the background housekeeping that reuses it runs
     * often ({@code WRITE_DELAY 50}). Not at once: with {@code RETENTION_TIME 0} H2 reused a chunk a
     * concurrent transaction still read, and a commit failed with "Chunk 639 not found" (seen once
     * in CI; H2's issues 2118 and 4383 report the same, more likely the shorter the retention).
     * Both settings are kept in the database; they are changed only where they differ.
     */
    @Override
    public void prepare(Connection connection) {
        setting(connection, "RETENTION_TIME", 1_000);
        setting(connection, "WRITE_DELAY", 50);
    }

    @Override
    public boolean writesCommitsLazily() {
        return true;
    }

    /** Writes the commits made so far to the file (a CHECKPOINT; no fsync), so that the answers that follow mean durable. */
    @Override
    public void writeOut(Connection connection) {
        Sql.execute(connection, "CHECKPOINT");
    }

    private static void setting(Connection connection, String name, long value) {
        long current = Sql.queryOne(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
                row -> Long.parseLong(row.getString(1)), name).orElse(-1L);
        if (current != value) {
            Sql.execute(connection, "SET " + name + " " + value);
        }
    }

    @Override
    public Optional<GuardRows.Locked> lockGuard(Connection connection, String instanceId) {
        return GuardRows.lockByUpdate(connection, instanceId);
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
