package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;

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

    boolean commitOutcomeUnknown() {
        return commitOutcomeUnknown;
    }

    SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
