package dev.connecttasks.adapter.memory;

import java.time.Instant;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The expiry instants of one instance's tasks that are not stopped, as a multiset split at the
 * last instant asked about, so that counting the open ones at {@code now} is amortised O(log n)
 * however many tasks have expired. Entries move back if the clock goes backwards. Not thread-safe:
 * {@link OpenTaskQuota} guards it.
 */
final class OpenTaskExpiries {

    private final TreeMap<Instant, Integer> open = new TreeMap<>();
    private final TreeMap<Instant, Integer> expired = new TreeMap<>();
    private int openCount;

    void add(Instant expiry) {
        open.merge(expiry, 1, Integer::sum);
        openCount++;
    }

    /** Takes one task of this expiry out; false when there is none. */
    boolean remove(Instant expiry) {
        if (decrement(open, expiry)) {
            openCount--;
            return true;
        }
        return decrement(expired, expiry);
    }

    /** Tasks whose expiry is after {@code now}. */
    int countAt(Instant now) {
        // The common case, time moving forward with nothing new expired, needs no sub-map views.
        boolean nothingExpired = open.isEmpty() || open.firstKey().isAfter(now);
        boolean nothingReopened = expired.isEmpty() || !expired.lastKey().isAfter(now);
        if (nothingExpired && nothingReopened) {
            return openCount;
        }
        NavigableMap<Instant, Integer> nowExpired = open.headMap(now, true);
        for (Map.Entry<Instant, Integer> e : nowExpired.entrySet()) {
            expired.merge(e.getKey(), e.getValue(), Integer::sum);
            openCount -= e.getValue();
        }
        nowExpired.clear();
        NavigableMap<Instant, Integer> openAgain = expired.tailMap(now, false);
        for (Map.Entry<Instant, Integer> e : openAgain.entrySet()) {
            open.merge(e.getKey(), e.getValue(), Integer::sum);
            openCount += e.getValue();
        }
        openAgain.clear();
        return openCount;
    }

    private static boolean decrement(TreeMap<Instant, Integer> counts, Instant key) {
        Integer count = counts.get(key);
        if (count == null) {
            return false;
        }
        if (count == 1) {
            counts.remove(key);
        } else {
            counts.put(key, count - 1);
        }
        return true;
    }
}
