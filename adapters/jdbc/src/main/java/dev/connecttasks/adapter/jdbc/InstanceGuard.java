package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * An instance's row in {@code ct_instance_guard}: its lock, its directory version and its
 * open-task count.
 *
 * <p>The open-task count is kept in the row and brought up to date on demand, so that
 * a StartTaskContact costs no scan of the instance's contacts. The row holds the number of the
 * instance's contacts open after {@code counted_until_ns} and a lower bound on the earliest of
 * their expiries: a count at any time before that bound needs no query; after it, only the
 * contacts that expired in between are counted. Time may also move backwards (tests set clocks),
 * which counts the contacts that are open again. Like the in-memory store's expiry multiset,
 * this keeps the count a function of time without any background job.
 *
 * <p>Reading the row locks it ({@code FOR UPDATE}, or on H2 an UPDATE of the row read back in the same statement):
 * that lock is the instance's guard, taken first by every contact transaction, except on H2's first attempt (below).
 *
 * <p>On H2 a transaction first only {@link #read reads} the row, and claims it with its first write: one
 * UPDATE that counts the transaction ({@code transactions}) only where neither that count nor the
 * directory version moved since the read, and carries the counter when the claim is the transaction's
 * last write (a start's usual case: one statement on the row instead of two). A claim that finds the
 * row moved, or a transaction that ends without writing after it moved, fails as a serialization
 * conflict; its next attempt locks the row before reading, so a contended instance still makes
 * progress. H2 re-checks an UPDATE's condition on the newest row once it holds the row's lock, so of
 * two transactions that read the same version only the first to claim goes through.
 */
final class InstanceGuard {

    private static final String GUARD_COLUMNS = "open_count, counted_until_ns, next_expiry_ns, directory_version";
    private static final String LOCK = "SELECT " + GUARD_COLUMNS + " FROM ct_instance_guard WHERE instance_id = ? FOR UPDATE";
    /**
     * The lock where {@code FOR UPDATE} costs a parse on every call (H2): an UPDATE of the row, read back
     * in the same statement; it counts the instance's transactions as it goes.
     */
    private static final String LOCK_BY_UPDATE = "SELECT " + GUARD_COLUMNS + ", transactions FROM FINAL TABLE "
            + "(UPDATE ct_instance_guard SET transactions = transactions + 1 WHERE instance_id = ?)";
    private static final String READ = "SELECT " + GUARD_COLUMNS + ", transactions FROM ct_instance_guard WHERE instance_id = ?";
    private static final String VERSIONS = "SELECT transactions, directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String UNMOVED = " WHERE instance_id = ? AND transactions = ? AND directory_version = ?";
    private static final String CLAIM = "UPDATE ct_instance_guard SET transactions = transactions + 1" + UNMOVED;
    private static final String CLAIM_WITH_COUNTER = "UPDATE ct_instance_guard SET transactions = transactions + 1, open_count = ?, "
            + "counted_until_ns = ?, next_expiry_ns = ?" + UNMOVED;
    private static final String INSERT = "INSERT INTO ct_instance_guard (instance_id, transactions) VALUES (?, 0)";
    private static final String BUMP_DIRECTORY = "UPDATE ct_instance_guard SET directory_version = directory_version + 1 WHERE instance_id = ?";
    private static final String WRITE = "UPDATE ct_instance_guard SET open_count = ?, counted_until_ns = ?, next_expiry_ns = ? WHERE instance_id = ?";
    private static final String EXPIRED_BETWEEN = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND open_until_ns > ? AND open_until_ns <= ?";
    private static final String NEXT_EXPIRY = "SELECT MIN(open_until_ns) FROM ct_contact WHERE instance_id = ? AND open_until_ns > ?";

    private final Connection connection;
    private final String instanceId;
    private long openCount;
    private long countedUntil;
    private long nextExpiry;
    private final long directoryVersion;
    /** The transactions counted in the row when it was read without the lock; -1 (never compared) when locked from the start. */
    private final long transactions;
    /** Whether this transaction holds the row's lock: from the start, or since its claim. */
    private boolean held;
    private boolean changed;

    private InstanceGuard(Connection connection, String instanceId, ResultSet row, boolean held) throws SQLException {
        this.connection = connection;
        this.instanceId = instanceId;
        this.openCount = row.getLong(1);
        this.countedUntil = row.getLong(2);
        this.nextExpiry = row.getLong(3);
        this.directoryVersion = row.getLong(4);
        this.transactions = held ? -1 : row.getLong(5);
        this.held = held;
    }

    /** Locks the instance's guard row and reads it; empty when the instance has no guard row yet. */
    static Optional<InstanceGuard> lock(Connection connection, String instanceId, Dialect dialect) {
        return Sql.queryOne(connection, dialect.locksGuardByUpdate ? LOCK_BY_UPDATE : LOCK,
                row -> new InstanceGuard(connection, instanceId, row, true), instanceId);
    }

    /** Reads the instance's guard row without locking it, to be claimed by the first write; empty when it has no row yet. */
    static Optional<InstanceGuard> read(Connection connection, String instanceId) {
        return Sql.queryOne(connection, READ, row -> new InstanceGuard(connection, instanceId, row, false), instanceId);
    }

    /** Creates the instance's guard row, committed on its own, unless another process already has. */
    static void create(JdbcTransactions transactions, String instanceId) {
        transactions.autoCommit(connection -> {
            Sql.insertUnlessPresent(connection, INSERT, instanceId);
            return null;
        });
    }

    /**
     * Locks the guard row and marks the instance's directory as changed, in the caller's transaction;
     * false when the instance has no guard row yet.
     */
    static boolean lockForDirectoryChange(Connection connection, String instanceId) {
        return Sql.update(connection, BUMP_DIRECTORY, instanceId) > 0;
    }

    /** The version of the instance's directory this transaction holds the guard at. */
    long directoryVersion() {
        return directoryVersion;
    }

    /** The number of the instance's contacts open at {@code now} (expiring strictly after it). */
    int openAt(long now) {
        if (now < countedUntil) {
            openCount += Sql.count(connection, EXPIRED_BETWEEN, instanceId, now, countedUntil);
            moveTo(now);
        } else if (now >= nextExpiry) {
            openCount -= Sql.count(connection, EXPIRED_BETWEEN, instanceId, countedUntil, now);
            moveTo(now);
        }
        return Math.toIntExact(openCount);
    }

    private void moveTo(long now) {
        countedUntil = now;
        nextExpiry = Sql.queryOne(connection, NEXT_EXPIRY, row -> {
            long earliest = row.getLong(1);
            return row.wasNull() ? Long.MAX_VALUE : earliest;
        }, instanceId, now).orElse(Long.MAX_VALUE);
        changed = true;
    }

    /** A contact's {@code open_until_ns} went from {@code before} to {@code after} (empty: not an open task). */
    void changed(Optional<Long> before, Optional<Long> after) {
        if (before.isPresent() && before.get() > countedUntil) {
            openCount--;
            changed = true;
        }
        if (after.isPresent() && after.get() > countedUntil) {
            openCount++;
            nextExpiry = Math.min(nextExpiry, after.get());
            changed = true;
        }
    }

    /** Before the transaction writes: a guard only read is claimed by the first statement sent. */
    void claimBeforeWrites(PendingWrites writes) {
        if (!held) {
            writes.claimFirst(CLAIM, instanceId, transactions, directoryVersion);
            held = true;
        }
    }

    /**
     * The transaction's end: the counter goes back into the guard row with the other writes if it
     * changed. A guard only read is claimed now, carrying the counter; a transaction that wrote nothing
     * only checks that nothing moved.
     */
    void save(PendingWrites writes) {
        if (!held && (changed || writes.holdsAny())) {
            writes.claimFirst(CLAIM_WITH_COUNTER, openCount, countedUntil, nextExpiry, instanceId, transactions, directoryVersion);
            held = true;
        } else if (!held) {
            confirmUnmoved();
        } else if (changed) {
            writes.add(WRITE, openCount, countedUntil, nextExpiry, instanceId);
        }
        changed = false;
    }

    /**
     * Whether what this transaction read still stands: with the lock, always; without it, only if no
     * other transaction of the instance committed since the read, or else a conflict is thrown, so that
     * an answer (a refusal too) never rests on reads from two different moments.
     */
    void confirmUnmoved() {
        if (held) {
            return;
        }
        boolean unmoved = Sql.queryOne(connection, VERSIONS, row -> row.getLong(1) == transactions && row.getLong(2) == directoryVersion,
                instanceId).orElse(false);
        if (!unmoved) {
            throw JdbcFailure.conflict("instance " + instanceId + ": another transaction committed since this one read its guard");
        }
    }
}
