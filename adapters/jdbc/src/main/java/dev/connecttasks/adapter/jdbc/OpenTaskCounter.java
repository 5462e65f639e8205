package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.Optional;

/**
 * One shard of an instance's open-task count ({@link OpenTaskShards}), kept in its row of
 * {@code ct_open_shard} and brought up to date on demand, so that a StartTaskContact costs no scan of
 * the instance's contacts. The row holds the number of the shard's contacts open after
 * {@code counted_until_ns} and a lower bound on the earliest of their expiries: a count at any time
 * before that bound needs no query; after it, only the contacts that expired in between are counted.
 * Time may also move backwards (tests set clocks), which counts the contacts that are open again.
 * Like the in-memory store's expiry multiset, this keeps the count a function of time without any
 * background job. Only the holder of the row's lock changes it.
 */
final class OpenTaskCounter {

    private static final String WRITE = "UPDATE ct_open_shard SET open_count = ?, counted_until_ns = ?, next_expiry_ns = ?, slots = ?, "
            + "slots_quota = ? WHERE instance_id = ? AND shard = ?";
    private static final String EXPIRED_BETWEEN = "SELECT COUNT(*) FROM ct_contact WHERE instance_id = ? AND open_shard = ? "
            + "AND open_until_ns > ? AND open_until_ns <= ?";
    private static final String NEXT_EXPIRY = "SELECT MIN(open_until_ns) FROM ct_contact WHERE instance_id = ? AND open_shard = ? "
            + "AND open_until_ns > ?";

    private final Connection connection;
    private final String instanceId;
    private final int shard;
    private long openCount;
    private long countedUntil;
    private long nextExpiry;
    private long slots;
    private long slotsQuota;
    private boolean changed;

    OpenTaskCounter(Connection connection, String instanceId, int shard, long openCount, long countedUntil, long nextExpiry, long slots,
                    long slotsQuota) {
        this.connection = connection;
        this.instanceId = instanceId;
        this.shard = shard;
        this.openCount = openCount;
        this.countedUntil = countedUntil;
        this.nextExpiry = nextExpiry;
        this.slots = slots;
        this.slotsQuota = slotsQuota;
    }

    long openCount() {
        return openCount;
    }

    long countedUntil() {
        return countedUntil;
    }

    long nextExpiry() {
        return nextExpiry;
    }

    long slots() {
        return slots;
    }

    long slotsQuota() {
        return slotsQuota;
    }

    /** Counts the shard's contacts open at {@code now} (expiring strictly after it) from here on. */
    void moveTo(long now) {
        if (now < countedUntil) {
            openCount += Sql.count(connection, EXPIRED_BETWEEN, instanceId, shard, now, countedUntil);
            nextExpiry = nextExpiryAfter(now);
        } else if (now >= nextExpiry) {
            openCount -= Sql.count(connection, EXPIRED_BETWEEN, instanceId, shard, countedUntil, now);
            nextExpiry = nextExpiryAfter(now);
        }
        countedUntil = now;
        changed = true;
    }

    /** The earliest expiry of the shard's contacts open after {@code after}; {@link Long#MAX_VALUE} when there is none. */
    private long nextExpiryAfter(long after) {
        return Sql.queryOne(connection, NEXT_EXPIRY, row -> {
            long earliest = row.getLong(1);
            return row.wasNull() ? Long.MAX_VALUE : earliest;
        }, instanceId, shard, after).orElse(Long.MAX_VALUE);
    }

    void cutSlots(long newSlots, long quota) {
        if (newSlots != slots || quota != slotsQuota) {
            slots = newSlots;
            slotsQuota = quota;
            changed = true;
        }
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

    /** Adds the counter's write to the transaction's writes, when it changed since it was read. */
    void writeIfChanged(PendingWrites writes) {
        if (changed) {
            writes.add(WRITE, openCount, countedUntil, nextExpiry, slots, slotsQuota, instanceId, shard);
            changed = false;
        }
    }
}
