package dev.connecttasks.adapter.memory;

import java.time.Instant;

/**
 * An instance's open tasks as an escrow: a start takes a slot when it reads the count under its
 * quota ({@link #countReserving}), and the slot becomes its task's expiry when the start commits, or
 * goes back if it does not. So concurrent starts never hold the instance: each takes a slot or is
 * refused, and the quota is never promised twice. Each method is one short critical section.
 */
final class OpenTaskQuota {

    private final OpenTaskExpiries expiries = new OpenTaskExpiries();
    private int reserved;

    synchronized int count(Instant now) {
        return expiries.countAt(now) + reserved;
    }

    /** The open tasks at {@code now} counting slots taken; under {@code quota}, one more slot is taken and {@code reserved} says so. */
    synchronized int countReserving(Instant now, int quota, boolean[] reservedOne) {
        int open = expiries.countAt(now) + reserved;
        if (open < quota) {
            reserved++;
            reservedOne[0] = true;
        }
        return open;
    }

    /** A taken slot becomes the task's expiry. */
    synchronized void fill(Instant expiry) {
        reserved--;
        expiries.add(expiry);
    }

    synchronized void giveBack() {
        reserved--;
    }

    synchronized void add(Instant expiry) {
        expiries.add(expiry);
    }

    synchronized void remove(Instant expiry) {
        expiries.remove(expiry);
    }
}
