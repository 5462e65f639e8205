package dev.connecttasks.adapter.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once. Bodies are read without a thread, so without
 * this bound every open connection could park a 1 MiB body in memory; a request is admitted for its
 * Content-Length (a chunked one for the largest body) and gives its share back once answered.
 */
final class BodyBudget {

    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    boolean tryReserve(long bytes) {
        long now;
        do {
            now = held.get();
            if (now + bytes > capacity) {
                return false;
            }
        } while (!held.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        held.addAndGet(-bytes);
    }

    long capacity() {
        return capacity;
    }
}
