package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;

/**
 * Insert-or-replace in portable SQL: update, and insert when nothing was updated. Two processes
 * inserting the same key at once: one insert fails on the primary key and that save updates instead.
 */
final class Upsert {

    private Upsert() {
    }

    static void run(JdbcTransactions transactions, String update, Object[] updateParameters, String insert, Object[] insertParameters) {
        transactions.autoCommitWrite(connection -> {
            while (!tryOnce(connection, update, updateParameters, insert, insertParameters)) {
                Thread.onSpinWait();
            }
            return null;
        });
    }

    private static boolean tryOnce(Connection connection, String update, Object[] updateParameters, String insert, Object[] insertParameters) {
        if (Sql.update(connection, update, updateParameters) > 0) {
            return true;
        }
        try {
            Sql.update(connection, insert, insertParameters);
            return true;
        } catch (JdbcFailure failure) {
            String state = failure.sqlCause().getSQLState();
            if (state != null && state.startsWith("23")) {
                return false;
            }
            throw failure;
        }
    }
}
