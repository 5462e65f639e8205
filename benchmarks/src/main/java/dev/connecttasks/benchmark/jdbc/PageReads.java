package dev.connecttasks.benchmark.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The database's own count of the pages it found in its buffer cache and those it had to read
 * (from the OS, which may still have them cached): where a lookup's time goes as the table outgrows
 * the cache. PostgreSQL: the contact table's heap and index blocks (pg_statio_user_tables, flushed
 * by the backends about once a second, so the reading waits for that); MariaDB: the whole server's
 * InnoDB buffer pool. H2 has no such counter.
 */
record PageReads(long fromCache, long read, boolean known) {

    private static final String POSTGRES = "SELECT COALESCE(SUM(heap_blks_hit + COALESCE(idx_blks_hit, 0)), 0), "
            + "COALESCE(SUM(heap_blks_read + COALESCE(idx_blks_read, 0)), 0) FROM pg_statio_user_tables WHERE relname = 'ct_contact' "
            + "AND schemaname = current_schema()";

    static PageReads of(String kind, DataSource pool) throws SQLException, InterruptedException {
        switch (kind) {
            case "postgresql" -> {
                Thread.sleep(1_500);
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_stat_clear_snapshot()");
                    try (ResultSet row = statement.executeQuery(POSTGRES)) {
                        row.next();
                        return new PageReads(row.getLong(1), row.getLong(2), true);
                    }
                }
            }
            case "mariadb" -> {
                long requests = 0;
                long reads = 0;
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_read%'")) {
                    while (rows.next()) {
                        switch (rows.getString(1)) {
                            case "Innodb_buffer_pool_read_requests" -> requests = rows.getLong(2);
                            case "Innodb_buffer_pool_reads" -> reads = rows.getLong(2);
                            default -> { }
                        }
                    }
                }
                return new PageReads(requests - reads, reads, true);
            }
            default -> {
                return new PageReads(0, 0, false);
            }
        }
    }

    PageReads since(PageReads earlier) {
        return new PageReads(fromCache - earlier.fromCache, read - earlier.read, known && earlier.known);
    }

    String perCall(int calls) {
        return known ? String.format("pages per call: %.2f from the cache, %.2f read", (double) fromCache / calls, (double) read / calls)
                : "pages per call: not counted";
    }
}
