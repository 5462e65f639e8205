package dev.connecttasks.localserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A schema of its own on the machine's PostgreSQL for a test that runs several server processes on
 * one database; the test is skipped when PostgreSQL does not answer, unless CONNECT_TASKS_DATABASES=required.
 */
final class TestPostgres implements AutoCloseable {

    final String url;
    final String user;
    private final String server;
    private final String schema;

    private TestPostgres(String server, String user, String schema) {
        this.server = server;
        this.user = user;
        this.schema = schema;
        this.url = server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static TestPostgres schema(String purpose) {
        String server = System.getenv().getOrDefault("CONNECT_TASKS_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("CONNECT_TASKS_POSTGRES_USER", "postgres");
        String schema = "ct_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        administer(server, user, "CREATE SCHEMA " + schema, purpose);
        return new TestPostgres(server, user, schema);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    @Override
    public void close() {
        administer(server, user, "DROP SCHEMA " + schema + " CASCADE", "dropping");
    }

    private static void administer(String url, String user, String sql, String purpose) {
        try (Connection connection = DriverManager.getConnection(url, user, "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            String message = "PostgreSQL at " + url + " is unreachable (" + e.getMessage() + ")";
            boolean required = "required".equalsIgnoreCase(System.getenv("CONNECT_TASKS_DATABASES"));
            System.err.println("[connect-tasks] " + message + ": the " + purpose + " test is " + (required ? "required and fails" : "SKIPPED"));
            if (required) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
    }
}
