package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A contact transaction's use of its instance's guard row. The row is read without a lock when the
 * attempt starts, for the directory version that flows are read at, and locked only where the
 * transaction changes the instance's open tasks, as late as it can be:
 * <ul>
 *   <li>a start takes its open-task slot at its quota read with one conditional increment (an
 *   escrow: {@link #countReserving}), which holds the row from there to the commit, a few
 *   statements; the increment also requires the directory version the start's flow was read at,
 *   so a start never commits across a flow change;</li>
 *   <li>a stop or reschedule locks the row at its end, to count what it changed;</li>
 *   <li>a refusal that read a flow re-reads the version ({@link #confirmUnmoved}), so that it rests
 *   on one moment's reads.</li>
 * </ul>
 * Where the increment's condition fails (the quota is full, a task expired since the count, the
 * directory moved) the row is locked and the count brought up to date ({@link OpenTaskCounter}).
 */
final class InstanceGuard {

    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String TAKE_SLOT = "UPDATE ct_instance_guard SET open_count = open_count + 1 WHERE instance_id = ? "
            + "AND open_count < ? AND counted_until_ns <= ? AND next_expiry_ns > ? AND directory_version = ?";
    private static final String LOWER_NEXT_EXPIRY = "UPDATE ct_instance_guard SET next_expiry_ns = LEAST(next_expiry_ns, ?) WHERE instance_id = ?";

    private final Connection connection;
    private final Dialect dialect;
    private final String instanceId;
    private final long directoryVersion;
    private OpenTaskCounter locked;
    /** A slot taken by the conditional increment, so the task's own insert must not count it again. */
    private boolean slotTaken;
    private boolean flowsRead;
    private final List<Optional<Long>[]> changes = new ArrayList<>();

    private InstanceGuard(Connection connection, Dialect dialect, String instanceId, long directoryVersion) {
        this.connection = connection;
        this.dialect = dialect;
        this.instanceId = instanceId;
        this.directoryVersion = directoryVersion;
    }

    /** Reads the row's directory version without a lock, creating the row if the instance has none yet. */
    static InstanceGuard open(Attempt attempt, String instanceId) {
        return new InstanceGuard(attempt.connection(), attempt.dialect(), instanceId,
                GuardRows.directoryVersion(attempt.connection(), instanceId));
    }

    /** The version flows are read at; reading one makes a later refusal confirm it. */
    long directoryVersionForFlows() {
        flowsRead = true;
        return directoryVersion;
    }

    /** Open tasks at {@code now}, with the row locked: for reads that are not a start's quota check. */
    int count(long now) {
        return lock().openAt(now);
    }

    /**
     * The quota read of a start: under {@code quota}, the slot is taken (by the conditional increment,
     * or under the lock) and a count under the quota is returned; at or over it, the exact count.
     */
    int countReserving(long now, int quota) {
        if (locked == null && Sql.update(connection, TAKE_SLOT, instanceId, quota, now, now, directoryVersion) == 1) {
            slotTaken = true;
            return quota - 1;
        }
        return lock().openAt(now);
    }

    private OpenTaskCounter lock() {
        if (locked == null) {
            GuardRows.Locked row = dialect.lockGuard(connection, instanceId);
            if (row.directoryVersion() != directoryVersion && flowsRead) {
                throw JdbcFailure.conflict("instance " + instanceId + ": its flows changed since this transaction read one");
            }
            locked = row.counter();
        }
        return locked;
    }

    /** A contact's {@code open_until_ns} went from {@code before} to {@code after} (empty: not an open task). */
    @SuppressWarnings("unchecked")
    void changed(Optional<Long> before, Optional<Long> after) {
        changes.add(new Optional[] {before, after});
    }

    /** Before the commit: the changes counted under the lock, or for a slot taken by escrow, its task's expiry. */
    void finish(PendingWrites writes) {
        if (changes.isEmpty()) {
            return;
        }
        if (slotTaken && changes.size() == 1 && changes.get(0)[0].isEmpty() && changes.get(0)[1].isPresent()) {
            writes.add(LOWER_NEXT_EXPIRY, changes.get(0)[1].get(), instanceId);
            return;
        }
        if (slotTaken) {
            throw new IllegalStateException("a transaction that took an open-task slot changed more than its own task");
        }
        OpenTaskCounter counter = lock();
        for (Optional<Long>[] change : changes) {
            counter.changed(change[0], change[1]);
        }
        counter.writeIfChanged(writes);
    }

    /** A refusal that read a flow stands only if the directory has not moved since; otherwise the attempt runs again. */
    void confirmUnmoved() {
        if (!flowsRead || locked != null) {
            return;
        }
        long now = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId).orElse(Long.MIN_VALUE);
        if (now != directoryVersion) {
            throw JdbcFailure.conflict("instance " + instanceId + ": its flows changed since this transaction read one");
        }
    }
}
