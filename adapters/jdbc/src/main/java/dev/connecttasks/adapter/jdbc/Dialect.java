package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.util.Optional;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * Everything that differs between the databases the adapter runs on, one class per database: how a
 * transaction locks its instance's guard row, how its writes are sent, which failures are worth
 * another attempt, and where its migrations live. The adapter's other classes ask the dialect and
 * never test which database they run on. Adding a database is one implementation, a case in
 * {@link #of}, and its migration folder (docs/jdbc.md has the recipe).
 */
interface Dialect {

    /** The folder of this database's migrations under {@code db/migration/}. */
    String migrationFolder();

    /** Flyway placeholders for the migrations shared by every database ({@code db/migration/common}). */
    Map<String, String> placeholders();

    /**
     * Puts the database in the state the adapter's promises need, once per service (on H2: settings
     * that keep the file small while every commit is written out).
     */
    default void prepare(Connection connection) {
    }

    /**
     * Whether a commit reaches the file only later, in the background, so that it must be written out
     * ({@link #writeOut}) before the call is answered.
     */
    default boolean writesCommitsLazily() {
        return false;
    }

    /** Writes every commit made so far out to the database's file (only where {@link #writesCommitsLazily}). */
    default void writeOut(Connection connection) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " writes every commit out itself");
    }

    /** Locks every open-task shard of the instance, where a transaction counts or cuts them ({@link InstanceGuard}). */
    Optional<GuardRows.Locked> lockGuard(Connection connection, String instanceId);

    /** Before an attempt's first statement: what the transaction needs of the session (MariaDB: READ COMMITTED). */
    default void beginTransaction(Connection connection) {
    }

    /** Where the transaction's held-back writes go: one round trip with the commit, or one statement at a time. */
    PendingWrites pendingWrites(Connection connection);

    /** Whether the database aborted the work for a reason that another attempt may not meet. */
    boolean isTransient(SQLException failure);

    /** The dialect of the database behind the connection. */
    static Dialect of(Connection connection) {
        String product;
        try {
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new JdbcFailure("reading the database product", e);
        }
        if (product.contains("h2")) {
            return H2Dialect.INSTANCE;
        }
        if (product.contains("postgres")) {
            return PostgresDialect.INSTANCE;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MariaDbDialect.INSTANCE;
        }
        throw new IllegalArgumentException("unsupported database " + product + ": use H2, PostgreSQL or MariaDB");
    }
}
