package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/** A database error carried out of code that cannot throw checked exceptions (the store's view). */
final class JdbcFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean commitOutcomeUnknown;

    JdbcFailure(String what, SQLException cause) {
        this(what, cause, false);
    }

    private JdbcFailure(String what, SQLException cause, boolean commitOutcomeUnknown) {
        super(what + ": " + cause.getMessage(), cause);
        this.commitOutcomeUnknown = commitOutcomeUnknown;
    }

    /** The connection failed while a commit was on its way: the work may have committed, so it must never run again. */
    static JdbcFailure commitOutcomeUnknown(String what, SQLException cause) {
        return new JdbcFailure(what + ", commit outcome unknown", cause, true);
    }

    /** Another transaction got there first; like the database's own serialization failures, the work is run again. */
    static JdbcFailure conflict(String what) {
        return new JdbcFailure(what, new SQLTransactionRollbackException(what, "40001"));
    }

    boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }

    SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
