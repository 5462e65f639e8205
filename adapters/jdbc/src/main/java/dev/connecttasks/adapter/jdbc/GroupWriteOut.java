package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;

/**
 * Group commit for a database that writes commits out lazily (H2): a committed transaction waits
 * until a write-out that started after its commit has finished. One write-out covers every commit
 * made before it started, so concurrent transactions share it instead of paying one each.
 */
final class GroupWriteOut {

    private final Object lock = new Object();
    /** Commits counted so far; each is counted after its commit returned. */
    private long commits;
    /** Every commit up to this count is written out. */
    private long writtenOut;
    private boolean writing;

    /** Returns once this thread's commit, just made, is written out, by this thread or by another's write-out. */
    void awaitWrittenOut(Connection connection, Dialect dialect) {
        long mine;
        synchronized (lock) {
            mine = ++commits;
        }
        while (true) {
            long upTo;
            synchronized (lock) {
                while (writing && writtenOut < mine) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the commit to be written out", e);
                    }
                }
                if (writtenOut >= mine) {
                    return;
                }
                writing = true;
                upTo = commits;
            }
            boolean done = false;
            try {
                dialect.writeOut(connection);
                done = true;
            } finally {
                synchronized (lock) {
                    writing = false;
                    if (done) {
                        writtenOut = Math.max(writtenOut, upTo);
                    }
                    lock.notifyAll();
                }
            }
        }
    }
}
