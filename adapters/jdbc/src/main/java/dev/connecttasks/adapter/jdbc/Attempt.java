package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;

/** One run of a unit of work: its number (1 for the first), its connection, and the database's dialect. */
record Attempt(int number, Connection connection, Dialect dialect) {

    boolean isFirst() {
        return number == 1;
    }
}
