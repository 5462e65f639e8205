package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An instance's open-task count as its {@value #COUNT} shards hold it, every shard locked: the slow
 * path of a start, which counts all of them at one moment and cuts the free slots anew, and of any
 * change that could put a shard over its slots. Time moves for all shards together, so that a shard's
 * count at a time on or after {@code counted_until_ns} never exceeds its slots: a start that finds room
 * in its own shard finds it in the quota.
 */
final class OpenTaskShards {

    static final int COUNT = 16;
    /**
     * Transactions take turns over the shards, from a random first one, so that the starts a process
     * has in flight at once (at most its pool's connections) rarely share a shard, and two processes
     * rarely start on the same one.
     */
    private static final AtomicInteger TURNS = new AtomicInteger(ThreadLocalRandom.current().nextInt(COUNT));

    private final List<OpenTaskCounter> shards;

    OpenTaskShards(List<OpenTaskCounter> shards) {
        if (shards.size() != COUNT) {
            throw new IllegalStateException("an instance has " + COUNT + " open-task shards, found " + shards.size());
        }
        this.shards = List.copyOf(shards);
    }

    /** The shard a new transaction's start tries first: the next in turn. */
    static int nextTurn() {
        return Math.floorMod(TURNS.getAndIncrement(), COUNT);
    }

    /** The number of the instance's contacts open at {@code now}, every shard brought to that time. */
    int openAt(long now) {
        long countedUntil = shards.get(0).countedUntil();
        boolean stale = now < countedUntil || shards.stream().anyMatch(shard -> now >= shard.nextExpiry());
        long open = 0;
        for (OpenTaskCounter shard : shards) {
            if (stale) {
                shard.moveTo(now);
            }
            open += shard.openCount();
        }
        return Math.toIntExact(Math.min(open, Integer.MAX_VALUE));
    }

    /**
     * Cuts the {@code quota} minus the open tasks into slots again, every shard keeping room for the
     * tasks it holds, and returns the shard that gets the start's task: {@code preferred}, which the
     * cut gives at least one free slot. Called with fewer open tasks than the quota, after {@link #openAt}.
     */
    int reserve(int quota, int preferred) {
        long free = quota - shards.stream().mapToLong(OpenTaskCounter::openCount).sum();
        if (free <= 0) {
            throw new IllegalStateException("no free slot under a quota of " + quota);
        }
        for (int i = 0; i < COUNT; i++) {
            OpenTaskCounter shard = shards.get((preferred + i) % COUNT);
            shard.cutSlots(shard.openCount() + free / COUNT + (i < free % COUNT ? 1 : 0), quota);
        }
        return preferred;
    }

    /** A contact of {@code shard} went from open until {@code before} to {@code after} (empty: not an open task). */
    void changed(int shard, Optional<Long> before, Optional<Long> after) {
        shards.get(shard).changed(before, after);
    }

    /** After changes that were not a start's: a shard over its slots takes every shard's away, so the next start counts and cuts anew. */
    void closeIfOverfull() {
        if (shards.stream().anyMatch(shard -> shard.openCount() > shard.slots())) {
            shards.forEach(shard -> shard.cutSlots(0, shard.slotsQuota()));
        }
    }

    /** Adds the writes of the shards that changed since they were read. */
    void writeIfChanged(PendingWrites writes) {
        shards.forEach(shard -> shard.writeIfChanged(writes));
    }

    /** The shard a stored contact counts in. */
    static int of(Connection connection, String instanceId, String contactId) {
        return Sql.queryOne(connection, "SELECT open_shard FROM ct_contact WHERE instance_id = ? AND contact_id = ?", row -> row.getInt(1),
                instanceId, contactId).orElseThrow(() -> new IllegalStateException("contact " + contactId + " has no row"));
    }
}
