package dev.connecttasks.adapter.memory;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An instance's open tasks as an escrow split over {@value #SHARDS} shards, as the JDBC store splits
 * them, so that no one lock of the instance stands on the StartTaskContact path. A shard holds its
 * tasks' expiries and may hold at most its slots, cut from the quota; the slots of all shards add up
 * to at most that quota. A start takes a slot in the shard whose turn it is under that shard's lock
 * alone; where the shard is full, the slots were cut from another quota or the clock reads before the
 * last cut, every shard is locked, counted at the call's instant and its slots cut anew. A slot
 * becomes its task's expiry when the start commits, or goes back if it does not. Changes that can add
 * an open task outside a start count under every shard's lock, and a shard left over its slots takes
 * every shard's away, so the next start cuts them again.
 */
final class OpenTaskQuota {

    static final int SHARDS = 16;

    private final Shard[] shards = new Shard[SHARDS];
    private final AtomicInteger turns = new AtomicInteger(ThreadLocalRandom.current().nextInt(SHARDS));
    /** The instant the slots were last cut at; written only with every shard locked, read under any one. */
    private Instant cutAt = Instant.MIN;

    /** One shard: its tasks' expiries, its slots taken and not yet filled, and its part of the quota. */
    private static final class Shard {
        final ReentrantLock lock = new ReentrantLock();
        final OpenTaskExpiries expiries = new OpenTaskExpiries();
        int reserved;
        long slots;
        int slotsQuota;

        long openAt(Instant now) {
            return expiries.countAt(now) + reserved;
        }
    }

    OpenTaskQuota() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    /** The shard a new transaction's start tries first: the next in turn. */
    int nextTurn() {
        return Math.floorMod(turns.getAndIncrement(), SHARDS);
    }

    /** The open tasks at {@code now} counting slots taken, every shard locked for the moment of the count. */
    int count(Instant now) {
        lockAll();
        try {
            return total(now);
        } finally {
            unlockAll();
        }
    }

    /**
     * The open tasks at {@code now} counting slots taken; under {@code quota}, one more slot is taken
     * in shard {@code turn} (or, where that shard is full, after a new cut) and {@code taken[0]} says
     * in which shard, else it stays -1. At or over the quota, the exact count.
     */
    int countReserving(Instant now, int quota, int turn, int[] taken) {
        Shard own = shards[turn];
        own.lock.lock();
        try {
            if (own.slotsQuota == quota && !now.isBefore(cutAt) && own.openAt(now) < own.slots) {
                own.reserved++;
                taken[0] = turn;
                return quota - 1;
            }
        } finally {
            own.lock.unlock();
        }
        lockAll();
        try {
            int open = total(now);
            if (open < quota) {
                cut(now, quota, turn, quota - (long) open);
                own.reserved++;
                taken[0] = turn;
            }
            return open;
        } finally {
            unlockAll();
        }
    }

    /** Every shard keeps room for what it holds plus its part of what is free, the start's own shard the first of the rest. */
    private void cut(Instant now, int quota, int turn, long free) {
        for (int i = 0; i < SHARDS; i++) {
            Shard shard = shards[(turn + i) % SHARDS];
            shard.slots = shard.openAt(now) + free / SHARDS + (i < free % SHARDS ? 1 : 0);
            shard.slotsQuota = quota;
        }
        cutAt = now;
    }

    /** A taken slot becomes the task's expiry. */
    void fill(int shard, Instant expiry) {
        Shard s = shards[shard];
        s.lock.lock();
        try {
            s.reserved--;
            s.expiries.add(expiry);
        } finally {
            s.lock.unlock();
        }
    }

    void giveBack(int shard) {
        Shard s = shards[shard];
        s.lock.lock();
        try {
            s.reserved--;
        } finally {
            s.lock.unlock();
        }
    }

    /**
     * A stored task is no longer open until {@code expiry}: taken out of the first shard that holds a
     * task of that expiry, one shard's lock at a time. Which shard gives it up does not matter: a shard
     * counting one task fewer never goes over its slots, and the total stays exact. So no task needs to
     * remember its shard, and a start costs no map entry for it.
     */
    void remove(Instant expiry, int turn) {
        for (int i = 0; i < SHARDS; i++) {
            Shard s = shards[(turn + i) % SHARDS];
            s.lock.lock();
            try {
                if (s.expiries.remove(expiry)) {
                    return;
                }
            } finally {
                s.lock.unlock();
            }
        }
    }

    /**
     * A stored open task's expiry moves (a reschedule, a new {@code connect:ContactExpiry}): with every
     * shard locked, it leaves the shard that holds its old expiry for the same shard. Taken out and put
     * back in two steps, a start between them could take the slot it left and push the instance over its quota.
     */
    void move(Instant from, Instant to, int turn) {
        lockAll();
        try {
            for (int i = 0; i < SHARDS; i++) {
                Shard s = shards[(turn + i) % SHARDS];
                if (s.expiries.remove(from)) {
                    s.expiries.add(to);
                    return;
                }
            }
        } finally {
            unlockAll();
        }
        add(to, turn);
    }

    /** An open task that no start reserved: counted with every shard locked. */
    void add(Instant expiry, int turn) {
        lockAll();
        try {
            shards[turn].expiries.add(expiry);
            Instant now = cutAt;
            boolean overfull = false;
            for (Shard s : shards) {
                overfull |= s.openAt(now) > s.slots;
            }
            if (overfull) {
                for (Shard s : shards) {
                    s.slots = 0;
                }
            }
        } finally {
            unlockAll();
        }
    }

    private int total(Instant now) {
        long open = 0;
        for (Shard shard : shards) {
            open += shard.openAt(now);
        }
        return (int) Math.min(open, Integer.MAX_VALUE);
    }

    private void lockAll() {
        for (Shard shard : shards) {
            shard.lock.lock();
        }
    }

    private void unlockAll() {
        for (int i = SHARDS - 1; i >= 0; i--) {
            shards[i].lock.unlock();
        }
    }
}
