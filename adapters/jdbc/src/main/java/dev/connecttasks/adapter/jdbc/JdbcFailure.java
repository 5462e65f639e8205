package dev.connecttasks.adapter.jdbc;

import java.sql.SQLException;

/** A database error carried out of code that cannot throw checked exceptions (the store's view). */
final class JdbcFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    JdbcFailure(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }

    SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
