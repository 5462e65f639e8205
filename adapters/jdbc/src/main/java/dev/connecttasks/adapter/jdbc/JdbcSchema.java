package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The schema's versioned migrations, {@code db/migration/<database>/V*.sql} in this jar, run by
 * Flyway with its history in {@code ct_schema_history}. Applications that run migrations their own
 * way can take the same scripts from the jar instead of calling {@link #migrate}.
 */
public final class JdbcSchema {

    public static final String HISTORY_TABLE = "ct_schema_history";

    private JdbcSchema() {
    }

    /**
     * Brings the schema to the latest version; safe to call from several processes at once. The
     * schema may already hold the application's own tables: the history starts at version 0 there,
     * so every migration of this library still runs. Flyway holds two connections at once here, so a
     * pool of one connection cannot migrate (it can serve the service afterwards).
     */
    public static Migrated migrate(DataSource dataSource) {
        Dialect dialect = dialect(dataSource);
        org.flywaydb.core.api.output.MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.migrationFolder())
                .placeholders(dialect.placeholders())
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new Migrated(result.databaseType, result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                result.migrationsExecuted);
    }

    /**
     * What {@link #migrate} did, for a one-line report: the database product, the schema's version now
     * and how many migrations this call ran (0 when another process or an earlier start had run them).
     */
    public record Migrated(String database, String schemaVersion, int migrationsRun) {
    }

    /**
     * What a service does when it opens a migrated database: the dialect's settings (on H2, every
     * commit written before it returns), then the open-task counters checked against the rows and
     * repaired where they differ. Returns the instances whose counter was repaired.
     */
    public static java.util.List<String> open(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Dialect.of(connection).prepare(connection);
        } catch (SQLException e) {
            throw new JdbcFailure("preparing the database", e);
        }
        return OpenTaskCounters.repair(new JdbcTransactions(dataSource));
    }

    /** The migration folder for the data source's database: h2, postgresql or mariadb. */
    static String folder(DataSource dataSource) {
        return dialect(dataSource).migrationFolder();
    }

    private static Dialect dialect(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return Dialect.of(connection);
        } catch (SQLException e) {
            throw new JdbcFailure("connecting to read the database product", e);
        }
    }
}
