package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes of a transaction whose update counts it never reads, held back until its next read or its
 * commit. Where the database accepts several statements in one prepared statement (PostgreSQL's
 * driver sends them in one round trip), they go together: on a shared database every round trip
 * costs more than the statement it carries. Elsewhere they run one by one, in order.
 */
final class PendingWrites {

    private record Write(String sql, Object[] parameters) {
    }

    private final Connection connection;
    private final boolean combine;
    private final List<Write> writes = new ArrayList<>();
    /** A write that must go first and change exactly one row, or else the transaction lost a race ({@link InstanceGuard}). */
    private Write claim;

    PendingWrites(Connection connection, boolean combine) {
        this.connection = connection;
        this.combine = combine;
    }

    void add(String sql, Object... parameters) {
        writes.add(new Write(sql, parameters));
    }

    /** Sends {@code sql} before anything else held back, requiring it to change exactly one row. */
    void claimFirst(String sql, Object... parameters) {
        claim = new Write(sql, parameters);
    }

    boolean holdsAny() {
        return !writes.isEmpty() || claim != null;
    }

    /** Sends what is held back; called before every read of the transaction. */
    void flush() {
        sendClaim();
        if (writes.isEmpty()) {
            return;
        }
        try {
            if (combine && writes.size() > 1) {
                Sql.execute(connection, combined(), combinedParameters());
            } else {
                for (Write write : writes) {
                    Sql.execute(connection, write.sql(), write.parameters());
                }
            }
        } finally {
            writes.clear();
        }
    }

    /**
     * The transaction's last step. Where writes combine, the commit travels with them, which saves
     * the transaction a round trip; the JDBC commit that follows then has nothing to do. A failure
     * the database reports for one of the statements means it rolled back (it skips what follows an
     * error, the commit included); a lost connection leaves the outcome unknown, and such a
     * transaction is never run again.
     */
    void flushAndCommit() {
        sendClaim();
        if (!combine || writes.isEmpty()) {
            flush();
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

    private void sendClaim() {
        if (claim == null) {
            return;
        }
        Write first = claim;
        claim = null;
        if (Sql.update(connection, first.sql(), first.parameters()) != 1) {
            throw JdbcFailure.conflict("another transaction changed what this one read: " + first.sql());
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
