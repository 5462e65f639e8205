package dev.connecttasks.benchmark.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** The harnesses' baseline: a bare transaction of one INSERT of a task-sized row into {@code ct_load_baseline}. */
final class BaselineInsert {

    private static final String INSERT =
            "INSERT INTO ct_load_baseline (instance_id, contact_id, name, attributes_json, created_ns) VALUES (?, ?, ?, ?, ?)";

    private BaselineInsert() {
    }

    /** One such transaction; {@code writeOut} (H2's durable write-out, or null) follows its commit. */
    static void run(HikariDataSource pool, BaselineWriteOut writeOut) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, "instance");
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, "Call back customer");
                insert.setString(4, "{\"customer\":\"c-42\"}");
                insert.setLong(5, System.nanoTime());
                insert.executeUpdate();
            }
            connection.commit();
            if (writeOut != null) {
                writeOut.afterCommit(connection);
            }
            connection.setAutoCommit(true);
        }
    }
}
