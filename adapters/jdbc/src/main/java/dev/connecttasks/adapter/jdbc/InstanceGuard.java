package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.flow.ContactFlow;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A contact transaction's use of its instance's guard row, which it locks only where it changes the
 * instance's open tasks, as late as it can:
 * <ul>
 *   <li>a start takes its open-task slot at its quota read with one conditional increment (an
 *   escrow: {@link #countReserving}), which holds the row from there to the commit, a few
 *   statements; the increment also requires the directory version the start's flow was read at,
 *   so a start never commits across a flow change;</li>
 *   <li>a stop or reschedule locks the row at its end, to count what it changed;</li>
 *   <li>a refusal that read a flow re-reads the version ({@link #confirmUnmoved}), so that it rests
 *   on one moment's reads.</li>
 * </ul>
 * Flows come from the store's {@link FlowRows.AtVersion} without a round trip; a version found moved
 * makes the instance's flows forgotten and the attempt run again. Where the increment's condition
 * fails (the quota is full, a task expired since the count, the directory moved, no row yet) the row
 * is locked and the count brought up to date ({@link OpenTaskCounter}). A retried attempt first makes
 * sure the row exists, which the first attempt of an instance's first start may have found missing.
 */
final class InstanceGuard {

    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String CONDITIONS = " WHERE instance_id = ? AND open_count < ? AND counted_until_ns <= ? AND next_expiry_ns > ?";
    private static final String TAKE_SLOT = "UPDATE ct_instance_guard SET open_count = open_count + 1" + CONDITIONS;
    private static final String TAKE_SLOT_AT_VERSION = TAKE_SLOT + " AND directory_version = ?";
    private static final String LOWER_NEXT_EXPIRY = "UPDATE ct_instance_guard SET next_expiry_ns = LEAST(next_expiry_ns, ?) WHERE instance_id = ?";

    private final Connection connection;
    private final Dialect dialect;
    private final String instanceId;
    private final FlowRows.AtVersion flows;
    /** The directory version the transaction's flows were read at; null until it reads one. */
    private Long flowVersion;
    private OpenTaskCounter locked;
    /** A slot taken by the conditional increment, so the task's own insert must not count it again. */
    private boolean slotTaken;
    private final List<Change> changes = new ArrayList<>();

    private record Change(Optional<Long> before, Optional<Long> after) {
    }

    private InstanceGuard(Connection connection, Dialect dialect, String instanceId, FlowRows.AtVersion flows) {
        this.connection = connection;
        this.dialect = dialect;
        this.instanceId = instanceId;
        this.flows = flows;
    }

    static InstanceGuard open(Attempt attempt, String instanceId, FlowRows.AtVersion flows) {
        if (!attempt.isFirst()) {
            GuardRows.directoryVersion(attempt.connection(), instanceId);
        }
        return new InstanceGuard(attempt.connection(), attempt.dialect(), instanceId, flows);
    }

    /** The instance's flow, remembered or read; every flow of one transaction must be of one version. */
    Optional<ContactFlow> flow(String contactFlowId) {
        FlowRows.AtVersion.Read read = flows.find(connection, instanceId, contactFlowId);
        if (flowVersion != null && flowVersion != read.version()) {
            throw moved();
        }
        flowVersion = read.version();
        return read.flow();
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
        if (locked == null) {
            int taken = flowVersion == null ? Sql.update(connection, TAKE_SLOT, instanceId, quota, now, now)
                    : Sql.update(connection, TAKE_SLOT_AT_VERSION, instanceId, quota, now, now, flowVersion);
            if (taken == 1) {
                slotTaken = true;
                return quota - 1;
            }
        }
        return lock().openAt(now);
    }

    private OpenTaskCounter lock() {
        if (locked == null) {
            GuardRows.Locked row = dialect.lockGuard(connection, instanceId).orElseThrow(() -> JdbcFailure.conflict("instance "
                    + instanceId + " has no guard row yet; the next attempt creates it"));
            if (flowVersion != null && row.directoryVersion() != flowVersion) {
                throw moved();
            }
            locked = row.counter();
        }
        return locked;
    }

    private JdbcFailure moved() {
        flows.forget(instanceId);
        return JdbcFailure.conflict("instance " + instanceId + ": its flows changed since this transaction read one");
    }

    /** A contact's {@code open_until_ns} went from {@code before} to {@code after} (empty: not an open task). */
    void changed(Optional<Long> before, Optional<Long> after) {
        changes.add(new Change(before, after));
    }

    /** Before the commit: the changes counted under the lock, or for a slot taken by escrow, its task's expiry. */
    void finish(PendingWrites writes) {
        if (changes.isEmpty()) {
            return;
        }
        if (slotTaken) {
            Change own = changes.get(0);
            if (changes.size() != 1 || own.before().isPresent() || own.after().isEmpty()) {
                throw new IllegalStateException("a transaction that took an open-task slot changed more than its own task");
            }
            writes.add(LOWER_NEXT_EXPIRY, own.after().get(), instanceId);
            return;
        }
        OpenTaskCounter counter = lock();
        for (Change change : changes) {
            counter.changed(change.before(), change.after());
        }
        counter.writeIfChanged(writes);
    }

    /** A refusal that read a flow stands only if the directory has not moved since; otherwise the attempt runs again. */
    void confirmUnmoved() {
        if (flowVersion == null || locked != null) {
            return;
        }
        long now = Sql.queryOne(connection, VERSION, row -> row.getLong(1), instanceId).orElse(Long.MIN_VALUE);
        if (now != flowVersion) {
            throw moved();
        }
    }
}
