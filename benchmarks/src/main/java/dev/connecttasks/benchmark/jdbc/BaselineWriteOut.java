package dev.connecttasks.benchmark.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The baseline's own durability on H2, written apart from the adapter so that the baseline never runs
 * the code it is compared with: after its commit, an INSERT waits for a CHECKPOINT that started after
 * it, concurrent inserts sharing one (the same group commit the adapter does). On PostgreSQL and
 * MariaDB the commit itself is durable, and nothing is added.
 */
final class BaselineWriteOut {

    private final Object lock = new Object();
    private long commits;
    private long written;
    private boolean writing;

    void afterCommit(Connection connection) throws SQLException {
        long mine;
        synchronized (lock) {
            mine = ++commits;
        }
        while (true) {
            long upTo;
            synchronized (lock) {
                while (writing && written < mine) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SQLException("interrupted", e);
                    }
                }
                if (written >= mine) {
                    return;
                }
                writing = true;
                upTo = commits;
            }
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            } finally {
                synchronized (lock) {
                    writing = false;
                    written = Math.max(written, upTo);
                    lock.notifyAll();
                }
            }
        }
    }
}
