package dev.connecttasks.adapter.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** What differs between the databases the adapter runs on, as far as it changes what the adapter sends. */
enum Dialect {

    /**
     * {@code SELECT ... FOR UPDATE} is not kept in H2's per-session statement cache and is parsed again on every call; an UPDATE is kept.
     * An UPDATE re-checks its condition on the newest row once it holds the row's lock, which lets a transaction claim the guard late.
     */
    H2("h2", false, true, true),
    /** The PostgreSQL driver sends the statements of one prepared statement, separated by semicolons, in one round trip. */
    POSTGRESQL("postgresql", true, false, false),
    /** Connector/J batches statements only with {@code allowMultiQueries=true} on the URL, which the adapter does not assume. */
    MARIADB("mariadb", false, false, false);

    /** The folder of this database's migrations under {@code db/migration/}. */
    final String migrations;
    /** Whether writes held back by a transaction go to the database together, with the commit. */
    final boolean combinesStatements;
    /** Whether the instance guard is locked by an UPDATE of its row, read back in the same statement, rather than by {@code SELECT ... FOR UPDATE}. */
    final boolean locksGuardByUpdate;
    /**
     * Whether a transaction reads the instance guard without a lock and claims it with its first write
     * (on an embedded database with no round trips, the lock's own statement is what costs).
     */
    final boolean claimsGuardAtFirstWrite;

    Dialect(String migrations, boolean combinesStatements, boolean locksGuardByUpdate, boolean claimsGuardAtFirstWrite) {
        this.migrations = migrations;
        this.combinesStatements = combinesStatements;
        this.locksGuardByUpdate = locksGuardByUpdate;
        this.claimsGuardAtFirstWrite = claimsGuardAtFirstWrite;
    }

    static Dialect of(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return MARIADB;
            }
            throw new IllegalArgumentException("unsupported database " + product + ": use H2, PostgreSQL or MariaDB");
        } catch (SQLException e) {
            throw new JdbcFailure("reading the database product", e);
        }
    }
}
