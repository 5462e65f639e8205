package dev.connecttasks.adapter.memory;

import java.util.concurrent.locks.ReentrantLock;

/**
 * An instance's locks by key (a chain, a client token), striped: keys share a lock when their hashes
 * meet, which costs a little needless waiting and bounds the locks however many chains there are.
 */
final class KeyLocks {

    private static final int STRIPES = 64;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock of(String key) {
        int hash = key.hashCode();
        return stripes[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
    }
}
