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

    PendingWrites(Connection connection, boolean combine) {
        this.connection = connection;
        this.combine = combine;
    }

    void add(String sql, Object... parameters) {
        writes.add(new Write(sql, parameters));
    }

    /** Sends what is held back; called before every read of the transaction and before its commit. */
    void flush() {
        if (writes.isEmpty()) {
            return;
        }
        if (combine && writes.size() > 1) {
            StringBuilder sql = new StringBuilder();
            List<Object> parameters = new ArrayList<>();
            for (Write write : writes) {
                sql.append(sql.isEmpty() ? "" : ";\n").append(write.sql());
                parameters.addAll(Arrays.asList(write.parameters()));
            }
            writes.clear();
            Sql.execute(connection, sql.toString(), parameters.toArray());
        } else {
            List<Write> held = List.copyOf(writes);
            writes.clear();
            for (Write write : held) {
                Sql.update(connection, write.sql(), write.parameters());
            }
        }
    }
}
