package dev.connecttasks.benchmark.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A throw-away database for one harness run: an H2 file database in a temporary folder (what the
 * local server uses by default), or a fresh PostgreSQL schema or MariaDB database, dropped afterwards.
 */
final class LoadDatabase implements AutoCloseable {

    final String kind;
    private final String url;
    private final String user;
    private final String name;
    private final Path folder;

    private LoadDatabase(String kind, String url, String user, String name, Path folder) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.name = name;
        this.folder = folder;
    }

    static LoadDatabase create(String kind) throws SQLException, IOException {
        String name = "ct_load_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        switch (kind) {
            case "h2" -> {
                Path folder = Files.createTempDirectory("ct-load");
                return new LoadDatabase(kind, "jdbc:h2:file:" + folder.resolve(name), "sa", name, folder);
            }
            case "postgresql" -> {
                String server = env("CONNECT_TASKS_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = env("CONNECT_TASKS_POSTGRES_USER", "postgres");
                execute(server, user, "CREATE SCHEMA " + name);
                return new LoadDatabase(kind, server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name, user, name, null);
            }
            case "mariadb" -> {
                String server = env("CONNECT_TASKS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("CONNECT_TASKS_MARIADB_USER", "root");
                execute(server, user, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                return new LoadDatabase(kind, server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, name, null);
            }
            default -> throw new IllegalArgumentException("unknown database " + kind + " (h2, postgresql, mariadb)");
        }
    }

    HikariDataSource pool(int connections) {
        return pool(connections, null);
    }

    /** A pool whose PostgreSQL sessions carry {@code applicationName} in {@code pg_stat_activity}. */
    HikariDataSource pool(int connections, String applicationName) {
        HikariConfig config = new HikariConfig();
        if (applicationName != null) {
            config.addDataSourceProperty("ApplicationName", applicationName);
        }
        if (kind.equals("mariadb")) {
            // as the local server configures its pool: the level the adapter runs at (jdbc.md)
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword("");
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setPoolName(name + "-" + connections);
        return new HikariDataSource(config);
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    /** The baseline's table: one row as wide as a small task's, written by a bare INSERT transaction. */
    void createBaselineTable() throws SQLException {
        execute(url, user, "CREATE TABLE ct_load_baseline (instance_id VARCHAR(100) NOT NULL, contact_id VARCHAR(256) NOT NULL, "
                + "name VARCHAR(512) NOT NULL, attributes_json VARCHAR(4000) NOT NULL, created_ns BIGINT NOT NULL, "
                + "PRIMARY KEY (instance_id, contact_id))");
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, ""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void close() throws Exception {
        switch (kind) {
            case "postgresql" -> execute(url, user, "DROP SCHEMA " + name + " CASCADE");
            case "mariadb" -> execute(url, user, "DROP DATABASE " + name);
            default -> {
                try (Stream<Path> files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
