package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs units of work in transactions on connections of the application's pool, and runs them again,
 * a bounded number of times, when the database aborted them for a transient reason before the
 * commit was sent. A failure of the commit itself is never retried, whether the commit went alone
 * or with the work's last writes: the work may have committed, and running it again could store it
 * twice.
 */
final class JdbcTransactions {

    static final int MAX_ATTEMPTS = 8;

    /**
     * The connection of the transaction each thread is running, per data source. A port called from
     * inside a transaction (the flow directory, while the store decides) joins it instead of taking
     * a second connection: with every pooled connection held by a transaction queued on the
     * instance guard, the guard's holder would otherwise wait for a connection that never frees.
     */
    private static final ThreadLocal<Map<DataSource, Connection>> RUNNING = ThreadLocal.withInitial(IdentityHashMap::new);

    private final DataSource dataSource;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Function<Connection, T> work) {
        Connection running = RUNNING.get().get(dataSource);
        if (running != null) {
            return work.apply(running);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RetryableFailure failure) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw new JdbcFailure("gave up after " + attempt + " attempts", failure.cause);
                }
                backOff(attempt);
            }
        }
    }

    /**
     * A single statement outside any transaction, retried like a transaction; inside a transaction of
     * this thread, it runs in that transaction (so it must not be an insert that may fail on purpose).
     */
    <T> T autoCommit(Function<Connection, T> work) {
        Connection running = RUNNING.get().get(dataSource);
        if (running != null) {
            return work.apply(running);
        }
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            } catch (SQLException | JdbcFailure e) {
                SQLException cause = e instanceof JdbcFailure f ? f.sqlCause() : (SQLException) e;
                if (!TransientFailures.isTransient(cause) || attempt >= MAX_ATTEMPTS) {
                    throw e instanceof JdbcFailure f ? f : new JdbcFailure("connecting", cause);
                }
                backOff(attempt);
            }
        }
    }

    private <T> T once(Function<Connection, T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw retryableOr(new JdbcFailure("connecting", e));
        }
        try (connection) {
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            RUNNING.get().put(dataSource, connection);
            try {
                T result;
                try {
                    result = work.apply(connection);
                } catch (RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e instanceof JdbcFailure failure ? retryableOr(failure) : e;
                }
                try {
                    // A no-op where the work's last statements carried the commit (PendingWrites).
                    connection.commit();
                } catch (SQLException e) {
                    throw JdbcFailure.commitOutcomeUnknown("commit", e);
                }
                return result;
            } finally {
                RUNNING.get().remove(dataSource);
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        } catch (SQLException e) {
            throw retryableOr(new JdbcFailure("transaction", e));
        }
    }

    private static RuntimeException retryableOr(JdbcFailure failure) {
        return !failure.commitOutcomeUnknown() && TransientFailures.isTransient(failure.sqlCause())
                ? new RetryableFailure(failure.sqlCause()) : failure;
    }

    private static void rollbackQuietly(Connection connection, RuntimeException reason) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            reason.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            if (!connection.isClosed()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // A broken connection: the pool will discard it.
        }
    }

    /** Exponential back-off with full jitter: 0.5 ms, 1 ms, 2 ms ... capped at 64 ms. */
    private static void backOff(int attempt) {
        long capMicros = Math.min(64_000L, 500L << Math.min(attempt - 1, 7));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(capMicros + 1) * 1_000L);
    }

    /** Internal signal: the attempt failed before commit for a transient reason. */
    private static final class RetryableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SQLException cause;

        RetryableFailure(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
