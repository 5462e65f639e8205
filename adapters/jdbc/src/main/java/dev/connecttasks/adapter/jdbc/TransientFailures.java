package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Which database errors are worth running a transaction again: conflicts the database resolved by
 * aborting us (serialization failures, deadlocks, lock timeouts) and connections lost before the
 * commit was sent. The SQLSTATE is read along the whole cause chain, since pools and drivers wrap.
 */
final class TransientFailures {

    /** 40001 serialization failure (and MariaDB deadlock), 40P01 PostgreSQL deadlock, 55P03 lock not available. */
    private static final Set<String> CONFLICT_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    /** MariaDB 1205 lock wait timeout, 1213 deadlock, 1927 connection killed. */
    private static final Set<Integer> MARIADB_CODES = Set.of(1205, 1213, 1927);

    private TransientFailures() {
    }

    static boolean isTransient(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(SQLException failure) {
        String state = failure.getSQLState();
        if (state != null && (CONFLICT_STATES.contains(state) || state.startsWith("08") || state.startsWith("57P")
                || state.equals("70100"))) {
            return true;
        }
        return MARIADB_CODES.contains(failure.getErrorCode()) && state != null && !state.startsWith("23");
    }

    /**
     * Whether the failure may have come after the server received what was sent: a lost or killed
     * connection (SQLSTATE class 08, an operator's 57P0x, or no SQLSTATE at all), rather than an
     * error the server reported for a statement.
     */
    static boolean isConnectionLost(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state == null || state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
