package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * The checks every dialect shares for failures worth another attempt: conflicts the database
 * resolved by aborting us and connections lost before the commit was sent. The SQLSTATE is read
 * along the whole cause chain, since pools and drivers wrap.
 */
final class TransientFailures {

    /** 40001 serialization failure (also H2's deadlock and MariaDB's), class 08 connection failures, 57P0x operator intervention. */
    private static final Set<String> COMMON_STATES = Set.of("40001");

    private TransientFailures() {
    }

    /** Common checks, plus a dialect's own SQLSTATEs and vendor codes (a vendor code never counts on an integrity violation, 23xxx). */
    static boolean isTransient(SQLException failure, Set<String> dialectStates, Set<Integer> dialectCodes) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql, dialectStates, dialectCodes)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(SQLException failure, Set<String> dialectStates, Set<Integer> dialectCodes) {
        String state = failure.getSQLState();
        if (state != null && (COMMON_STATES.contains(state) || dialectStates.contains(state) || state.startsWith("08")
                || state.startsWith("57P"))) {
            return true;
        }
        return dialectCodes.contains(failure.getErrorCode()) && state != null && !state.startsWith("23");
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
