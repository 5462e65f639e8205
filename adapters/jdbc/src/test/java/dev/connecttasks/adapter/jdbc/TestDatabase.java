package dev.connecttasks.adapter.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own for this test run: a fresh H2 memory database, PostgreSQL schema or MariaDB
 * database, migrated once and dropped when the JVM exits. When PostgreSQL or MariaDB cannot be
 * reached, the tests that need it are skipped with a message saying so, or fail when
 * {@code CONNECT_TASKS_DATABASES=required} (as in CI).
 */
final class TestDatabase {

    enum Kind {
        H2, POSTGRESQL, MARIADB;

        String label() {
            return switch (this) {
                case H2 -> "H2";
                case POSTGRESQL -> "PostgreSQL";
                case MARIADB -> "MariaDB";
            };
        }
    }

    static final String TABLES_CLEARED_BETWEEN_TESTS = "ct_contact, ct_client_token, ct_instance_guard, ct_open_shard, ct_rate_bucket, "
            + "ct_instance, ct_contact_flow, ct_quick_connect, ct_task_template, ct_tag";
    private static final String SELECTION = "connect.tasks.test.databases";
    private static final Map<Kind, TestDatabase> SHARED = new EnumMap<>(Kind.class);

    final Kind kind;
    final String url;
    final String user;
    final String password;
    final String name;
    private final HikariDataSource pool;
    private final List<HikariDataSource> extraPools = new ArrayList<>();

    private TestDatabase(Kind kind, String url, String user, String password, String name, boolean migrate) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.name = name;
        this.pool = newPool("main", 8);
        if (migrate) {
            JdbcSchema.migrate(pool);
        }
    }

    /** This run's database of the kind, created on first use; skips or fails the test when it is unreachable. */
    static synchronized TestDatabase shared(Kind kind) {
        TestDatabase database = SHARED.get(kind);
        if (database == null) {
            database = create(kind, true);
            SHARED.put(kind, database);
        }
        return database;
    }

    /** A database of its own with no tables yet, for migration tests; dropped when the JVM exits. */
    static TestDatabase unmigrated(Kind kind) {
        return create(kind, false);
    }

    /**
     * Whether this run tries the database: all three unless the system property names some
     * (the mutation run tries H2 only by default, {@code -Dmutation.databases} widens it).
     */
    static boolean selected(Kind kind) {
        String selection = System.getProperty(SELECTION, "");
        if (selection.isBlank()) {
            return true;
        }
        return Arrays.stream(selection.split(",")).map(String::trim).anyMatch(kind.name()::equalsIgnoreCase);
    }

    static boolean required() {
        return "required".equalsIgnoreCase(System.getenv("CONNECT_TASKS_DATABASES"));
    }

    private static TestDatabase create(Kind kind, boolean migrate) {
        Assumptions.assumeTrue(selected(kind), () -> kind.label() + " is not among connect.tasks.test.databases ("
                + System.getProperty(SELECTION) + "): its tests are skipped in this run");
        TestDatabase database = connect(kind, migrate);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    private static TestDatabase connect(Kind kind, boolean migrate) {
        String name = "ct_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return switch (kind) {
            case H2 -> new TestDatabase(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", name, migrate);
            case POSTGRESQL -> {
                String server = env("CONNECT_TASKS_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = env("CONNECT_TASKS_POSTGRES_USER", "postgres");
                administer(kind, server, user, "", "CREATE SCHEMA " + name);
                yield new TestDatabase(kind, server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name, user, "", name, migrate);
            }
            case MARIADB -> {
                String server = env("CONNECT_TASKS_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("CONNECT_TASKS_MARIADB_USER", "root");
                administer(kind, server, user, "", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
                yield new TestDatabase(kind, server.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1"), user, "", name, migrate);
            }
        };
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void administer(Kind kind, String url, String user, String password, String sql) {
        DriverManager.setLoginTimeout(5);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String message = kind.label() + " at " + url + " is unreachable (" + e.getMessage() + "): its tests are "
                    + (required() ? "required (CONNECT_TASKS_DATABASES=required) and fail" : "SKIPPED; set CONNECT_TASKS_DATABASES=required to fail instead");
            System.err.println("[connect-tasks] " + message);
            if (required()) {
                Assertions.fail(message, e);
            }
            Assumptions.abort(message);
        }
    }

    /** A new, independent pool on this database, as another process would have; closed with the database. */
    synchronized HikariDataSource newPool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(name + "-" + poolName);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        if (kind == Kind.POSTGRESQL) {
            config.addDataSourceProperty("ApplicationName", name);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        if (pool != null) {
            extraPools.add(dataSource);
        }
        return dataSource;
    }

    DataSource pool() {
        return pool;
    }

    /** The shared pool, after deleting every row: what a test needs for a fresh, empty store. */
    DataSource emptied() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES_CLEARED_BETWEEN_TESTS.split(", ")) {
                statement.execute("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("emptying " + kind.label(), e);
        }
        return pool;
    }

    /** Runs SQL on a connection outside every pool (session kills, counts). */
    <T> T withAdminConnection(SqlWork<T> work) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            return work.run(connection);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    String label() {
        return kind.label().toLowerCase(Locale.ROOT);
    }

    private void drop() {
        extraPools.forEach(HikariDataSource::close);
        pool.close();
        try {
            switch (kind) {
                case H2 -> { }
                case POSTGRESQL -> withAdminConnection(c -> c.createStatement().execute("DROP SCHEMA " + name + " CASCADE"));
                case MARIADB -> withAdminConnection(c -> c.createStatement().execute("DROP DATABASE " + name));
            }
        } catch (SQLException e) {
            System.err.println("[connect-tasks] could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
