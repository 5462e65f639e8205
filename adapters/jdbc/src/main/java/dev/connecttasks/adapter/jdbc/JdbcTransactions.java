package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Runs units of work in transactions on connections of the application's pool, and runs them again,
 * a bounded number of times, when the database aborted them for a transient reason (as its
 * {@link Dialect} judges) before the commit was sent. Each run is handed its {@link Attempt}. A
 * failure of the commit itself is never retried, whether the commit went alone or with the work's
 * last writes: the work may have committed, and running it again could store it twice.
 */
final class JdbcTransactions {

    static final int MAX_ATTEMPTS = 16;

    private final DataSource dataSource;
    private final GroupWriteOut writeOut = new GroupWriteOut();
    private volatile Dialect dialect;

    JdbcTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The work in one transaction, committed when it returns; run again on a transient failure before the commit. */
    <T> T run(Function<Attempt, T> work) {
        for (int number = 1; ; number++) {
            try {
                return once(number, work);
            } catch (RetryableFailure failure) {
                if (number >= MAX_ATTEMPTS) {
                    throw new JdbcFailure("gave up after " + number + " attempts", failure.cause);
                }
                backOff(number);
            }
        }
    }

    /** Statements on a connection in auto-commit mode, each its own transaction; run again on a transient failure. */
    <T> T autoCommit(Function<Connection, T> work) {
        for (int number = 1; ; number++) {
            try (Connection connection = dataSource.getConnection()) {
                dialect(connection);
                return work.apply(connection);
            } catch (SQLException | JdbcFailure e) {
                SQLException cause = e instanceof JdbcFailure f ? f.sqlCause() : (SQLException) e;
                if (!isTransient(cause) || number >= MAX_ATTEMPTS) {
                    throw e instanceof JdbcFailure f ? f : new JdbcFailure("connecting", cause);
                }
                backOff(number);
            }
        }
    }

    private <T> T once(int number, Function<Attempt, T> work) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw retryableOr(new JdbcFailure("connecting", e));
        }
        try (connection) {
            Attempt attempt = new Attempt(number, connection, dialect(connection));
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            try {
                T result;
                try {
                    attempt.dialect().beginTransaction(connection);
                    result = work.apply(attempt);
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
                durable(attempt);
                return result;
            } finally {
                if (autoCommit) {
                    restoreAutoCommit(connection);
                }
            }
        } catch (SQLException e) {
            throw retryableOr(new JdbcFailure("transaction", e));
        }
    }

    /** Where commits reach the file lazily, waits until this one is written out; committed already, so never retried. */
    private void durable(Attempt attempt) {
        try {
            awaitWrittenOut(attempt.connection(), attempt.dialect());
        } catch (JdbcFailure failure) {
            throw JdbcFailure.commitOutcomeUnknown("writing the commit out", failure.sqlCause());
        }
    }

    /** Auto-commit statements that write: like {@link #autoCommit}, and made durable as a transaction's commit is. */
    <T> T autoCommitWrite(Function<Connection, T> work) {
        return autoCommit(connection -> {
            T result = work.apply(connection);
            awaitWrittenOut(connection, dialect(connection));
            return result;
        });
    }

    /** Where the database writes commits out lazily, returns once the commit just made is written out. */
    private void awaitWrittenOut(Connection connection, Dialect known) {
        if (known.writesCommitsLazily()) {
            writeOut.awaitWrittenOut(connection, known);
        }
    }

    private Dialect dialect(Connection connection) {
        Dialect known = dialect;
        if (known == null) {
            known = Dialect.of(connection);
            dialect = known;
        }
        return known;
    }

    /** Before any connection was had, the dialect is unknown: only the checks every dialect shares apply. */
    private boolean isTransient(SQLException failure) {
        Dialect known = dialect;
        return known != null ? known.isTransient(failure) : TransientFailures.isTransient(failure, java.util.Set.of(), java.util.Set.of());
    }

    private RuntimeException retryableOr(JdbcFailure failure) {
        return !failure.commitOutcomeUnknown() && isTransient(failure.sqlCause()) ? new RetryableFailure(failure.sqlCause()) : failure;
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
