package dev.connecttasks.adapter.jdbc;

import dev.connecttasks.domain.flow.ContactFlow;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A contact transaction's use of its instance's open-task shards ({@link OpenTaskShards}), which it
 * locks only where it changes the instance's open tasks, as few and as late as it can:
 * <ul>
 *   <li>a start takes its open-task slot at its quota read with one conditional increment of the
 *   shard whose turn it is (an escrow: {@link #countReserving}), which holds that one row from there to the
 *   commit, a few statements; starts on other shards do not wait for it. The increment also requires
 *   the directory version the start's flow was read at, so a start never commits across a flow change;</li>
 *   <li>a stop releases its task's slot at its end with one conditional decrement of the task's shard;</li>
 *   <li>a refusal that read a flow re-reads the version ({@link #confirmUnmoved}), so that it rests
 *   on one moment's reads.</li>
 * </ul>
 * Flows come from the store's {@link FlowRows.AtVersion} without a round trip; a version found moved
 * makes the instance's flows forgotten and the attempt run again. Where the increment's condition
 * fails (the shard's slots are full, the clock is behind the count, the directory moved, the quota
 * differs from the one the slots were cut from, no rows yet) every shard is locked, counted and its
 * slots cut anew; so is any other change of an open task, such as a reschedule. A retried attempt
 * first makes sure the rows exist, which the first attempt of an instance's first start may have
 * found missing.
 */
final class InstanceGuard {

    private static final String VERSION = "SELECT directory_version FROM ct_instance_guard WHERE instance_id = ?";
    private static final String TAKE_SLOT = "UPDATE ct_open_shard SET open_count = open_count + 1 WHERE instance_id = ? AND shard = ? "
            + "AND open_count < slots AND slots_quota = ? AND counted_until_ns <= ?";
    private static final String TAKE_SLOT_AT_VERSION = TAKE_SLOT + " AND directory_version = ?";
    private static final String LOWER_NEXT_EXPIRY = "UPDATE ct_open_shard SET next_expiry_ns = LEAST(next_expiry_ns, ?) "
            + "WHERE instance_id = ? AND shard = ?";
    /** A task that was counted (open after the shard's count time) and is no longer open leaves its shard. */
    private static final String RELEASE_SLOT = "UPDATE ct_open_shard SET open_count = open_count - 1 WHERE instance_id = ? AND shard = "
            + "(SELECT open_shard FROM ct_contact WHERE instance_id = ? AND contact_id = ?) AND counted_until_ns < ?";

    private final Connection connection;
    private final Dialect dialect;
    private final String instanceId;
    private final FlowRows.AtVersion flows;
    /** The directory version the transaction's flows were read at; null until it reads one. */
    private Long flowVersion;
    private OpenTaskShards locked;
    /** The shard of the slot the start took, by the conditional increment or under the lock; -1 before. */
    private int slotShard = -1;
    /** Whether that slot was taken by the increment, so the task's own insert must not count it again. */
    private boolean slotTakenByIncrement;
    private final List<Change> changes = new ArrayList<>();
    /** The shard this transaction's start tries first, and where its other new contacts count. */
    private final int preferred = OpenTaskShards.nextTurn();

    /** {@code shard}: known for a new contact, -1 for a stored one (its row says). */
    private record Change(String contactId, int shard, Optional<Long> before, Optional<Long> after) {

        boolean isRelease() {
            return before.isPresent() && after.isEmpty();
        }
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

    /** Open tasks at {@code now}, every shard locked: for reads that are not a start's quota check. */
    int count(long now) {
        return lock().openAt(now);
    }

    /**
     * The quota read of a start: under {@code quota}, the slot is taken (by the conditional increment,
     * or under the lock) and a count under the quota is returned; at or over it, the exact count.
     */
    int countReserving(long now, int quota) {
        if (locked == null) {
            int taken = flowVersion == null ? Sql.update(connection, TAKE_SLOT, instanceId, preferred, quota, now)
                    : Sql.update(connection, TAKE_SLOT_AT_VERSION, instanceId, preferred, quota, now, flowVersion);
            if (taken == 1) {
                slotShard = preferred;
                slotTakenByIncrement = true;
                return quota - 1;
            }
        }
        OpenTaskShards shards = lock();
        int open = shards.openAt(now);
        if (open < quota) {
            slotShard = shards.reserve(quota, preferred);
        }
        return open;
    }

    private OpenTaskShards lock() {
        if (locked == null) {
            GuardRows.Locked rows = dialect.lockGuard(connection, instanceId).orElseThrow(() -> JdbcFailure.conflict("instance "
                    + instanceId + " has no open-task shards yet; the next attempt creates them"));
            if (flowVersion != null && rows.directoryVersion() != flowVersion) {
                throw moved();
            }
            locked = rows.shards();
        }
        return locked;
    }

    private JdbcFailure moved() {
        flows.forget(instanceId);
        return JdbcFailure.conflict("instance " + instanceId + ": its flows changed since this transaction read one");
    }

    /** The shard a contact inserted now counts in: the start's slot's, or (not a start) the transaction's turn. */
    int shardOfNewContact() {
        return slotShard >= 0 ? slotShard : preferred;
    }

    /** A contact's {@code open_until_ns} went from {@code before} to {@code after} (empty: not an open task). */
    void changed(String contactId, int shard, Optional<Long> before, Optional<Long> after) {
        if (before.isPresent() || after.isPresent()) {
            changes.add(new Change(contactId, shard, before, after));
        }
    }

    /** A stored contact's {@code open_until_ns} went from {@code before} to {@code after}. */
    void changed(String contactId, Optional<Long> before, Optional<Long> after) {
        changed(contactId, -1, before, after);
    }

    /**
     * Before the commit: for a slot taken by the increment, its task's expiry; for stops, their
     * releases; anything else counted with every shard locked.
     */
    void finish(PendingWrites writes) {
        if (slotTakenByIncrement) {
            Change own = changes.size() == 1 ? changes.get(0) : null;
            if (own == null || own.shard() != slotShard || own.before().isPresent() || own.after().isEmpty()) {
                throw new IllegalStateException("a transaction that took an open-task slot changed other than its own task: " + changes);
            }
            writes.add(LOWER_NEXT_EXPIRY, own.after().get(), instanceId, slotShard);
            return;
        }
        if (changes.isEmpty()) {
            if (slotShard >= 0) {
                throw new IllegalStateException("a transaction that took an open-task slot stored no task");
            }
            return;
        }
        if (locked == null && changes.stream().allMatch(Change::isRelease)) {
            for (Change release : changes) {
                writes.add(RELEASE_SLOT, instanceId, instanceId, release.contactId(), release.before().get());
            }
            return;
        }
        OpenTaskShards shards = lock();
        for (Change change : changes) {
            int shard = change.shard() >= 0 ? change.shard() : OpenTaskShards.of(connection, instanceId, change.contactId());
            shards.changed(shard, change.before(), change.after());
        }
        shards.closeIfOverfull();
        shards.writeIfChanged(writes);
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
