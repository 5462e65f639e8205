package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes of a transaction whose update counts it never reads, held back until its next read or its
 * commit. How they are then sent is the dialect's choice: {@link #combinedWithCommit} where the
 * driver sends several statements of one prepared statement in one round trip (on a shared
 * database every round trip costs more than the statement it carries), {@link #oneByOne} elsewhere.
 */
abstract class PendingWrites {

    private record Write(String sql, Object[] parameters) {
    }

    final Connection connection;
    final List<Write> writes = new ArrayList<>();

    private PendingWrites(Connection connection) {
        this.connection = connection;
    }

    /** Writes sent together, the commit travelling with the last of them. */
    static PendingWrites combinedWithCommit(Connection connection) {
        return new Combined(connection);
    }

    /** Writes sent one statement at a time, in order. */
    static PendingWrites oneByOne(Connection connection) {
        return new OneByOne(connection);
    }

    final void add(String sql, Object... parameters) {
        writes.add(new Write(sql, parameters));
    }


    /** Sends what is held back; called before every read of the transaction. */
    final void flush() {
        if (writes.isEmpty()) {
            return;
        }
        try {
            send();
        } finally {
            writes.clear();
        }
    }

    /** The transaction's last step: sends what is held back, and the commit where it can travel with it. */
    abstract void flushAndCommit();

    /** Sends the writes held back. */
    abstract void send();

    final void sendEach() {
        for (Write write : writes) {
            Sql.execute(connection, write.sql(), write.parameters());
        }
    }

    private static final class OneByOne extends PendingWrites {

        OneByOne(Connection connection) {
            super(connection);
        }

        @Override
        void send() {
            sendEach();
        }

        @Override
        void flushAndCommit() {
            flush();
        }
    }

    private static final class Combined extends PendingWrites {

        Combined(Connection connection) {
            super(connection);
        }

        @Override
        void send() {
            if (writes.size() == 1) {
                sendEach();
            } else {
                Sql.execute(connection, combined(), combinedParameters());
            }
        }

        /**
         * The commit travels with the writes, which saves the transaction a round trip; the JDBC commit
         * that follows then has nothing to do. A failure the database reports for one of the statements
         * means it rolled back (it skips what follows an error, the commit included); a lost connection
         * leaves the outcome unknown, and such a transaction is never run again.
         */
        @Override
        void flushAndCommit() {
            if (writes.isEmpty()) {
                return;
            }
            writes.add(new Write("COMMIT", new Object[0]));
            String sql = combined();
            try {
                Sql.execute(connection, sql, combinedParameters());
            } catch (JdbcFailure failure) {
                throw TransientFailures.isConnectionLost(failure.sqlCause()) ? JdbcFailure.commitOutcomeUnknown(sql, failure.sqlCause()) : failure;
            } finally {
                writes.clear();
            }
        }

        private String combined() {
            StringBuilder sql = new StringBuilder();
            for (Write write : writes) {
                sql.append(sql.isEmpty() ? "" : ";\n").append(write.sql());
            }
            return sql.toString();
        }

        private Object[] combinedParameters() {
            List<Object> parameters = new ArrayList<>();
            for (Write write : writes) {
                parameters.addAll(Arrays.asList(write.parameters()));
            }
            return parameters.toArray();
        }
    }
}
