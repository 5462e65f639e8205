package dev.connecttasks.localserver;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Rewrites a served H2 file to its live data. Under a steady write load H2 reuses the space of
 * superseded chunks only as they empty, and its B-tree pages of random keys are part-filled, so the
 * file settles at four to six times the size {@code SHUTDOWN COMPACT} gives; no setting of H2's and
 * no online compaction of its store brought that down (see {@code docs/performance.md}). Two
 * triggers, each measured against the file's size after the last rewrite (never more than its live
 * data, so the ratio to the live data is the trigger, plus what the writes add before the next
 * check; under a full load with H2 keeping superseded chunks a second, that was up to 5 times):
 * <ul>
 *   <li><b>a pause</b>: the file has neither changed size nor been written for {@code quietMillis}
 *       and has grown past {@code quietGrowth} times: the rewrite costs no caller anything;</li>
 *   <li><b>under load</b>: the file has grown past {@code loadGrowth} times and is larger than
 *       {@code loadFloorBytes}: the file is brought back however long the writes go on, and the callers of
 *       that moment wait for the rewrite (the floor keeps small files, which regrow within a
 *       check, from being rewritten over and over).</li>
 * </ul>
 * A rewrite suspends the pool (a caller arriving meanwhile waits for its connection, none fails),
 * lets the last transactions finish, runs {@code SHUTDOWN COMPACT}, replaces the pool's connections
 * to the closed database and resumes the pool.
 */
public final class RunningH2Compaction implements AutoCloseable {

    /** One rewrite: the file's size before and after, how long the pool was suspended, and whether writes were going on. */
    public record Rewrite(long bytesBefore, long bytesAfter, long pausedMillis, boolean underLoad) {
    }

    /**
     * When to rewrite: after a pause of {@code quietMillis} once grown {@code quietGrowth} times
     * (files under {@code quietFloorBytes} left alone), and at once when grown {@code loadGrowth}
     * times past {@code loadFloorBytes}. A growth of 0 turns its trigger off.
     */
    public record Triggers(double quietGrowth, long quietFloorBytes, long quietMillis, double loadGrowth, long loadFloorBytes) {

        public Triggers {
            requireGrowth("quiet", quietGrowth);
            requireGrowth("load", loadGrowth);
            if (quietGrowth == 0 && loadGrowth == 0) {
                throw new IllegalArgumentException("both triggers are off: nothing would ever compact the file");
            }
            if (quietFloorBytes < 0 || loadFloorBytes < 0 || quietMillis < 0) {
                throw new IllegalArgumentException("floors and the quiet time must be 0 or more");
            }
        }

        private static void requireGrowth(String trigger, double growth) {
            if (growth != 0 && !(growth > 1)) {
                throw new IllegalArgumentException("the " + trigger + " growth that triggers a compaction must be 0 (off) or over 1, not "
                        + growth);
            }
        }
    }

    private static final long LAST_TRANSACTIONS_WAIT_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path file;
    private final Triggers triggers;
    private final Consumer<Rewrite> onRewrite;
    private final ScheduledExecutorService checks;
    private long baseline;
    private long lastSize = -1;
    private FileTime lastWritten;
    private long unchangedSince;

    private RunningH2Compaction(HikariDataSource pool, String jdbcUrl, String user, String password, Triggers triggers,
            Consumer<Rewrite> onRewrite) {
        this.pool = pool;
        this.jdbcUrl = jdbcUrl;
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        this.file = h2File(jdbcUrl);
        this.triggers = triggers;
        this.onRewrite = onRewrite;
        this.baseline = size();
        this.checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "connect-tasks-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Checks the file of {@code jdbcUrl} (a {@code jdbc:h2:file:} URL) every {@code checkMillis}.
     * The pool must allow suspension ({@code HikariConfig.setAllowPoolSuspension(true)}).
     */
    public static RunningH2Compaction start(HikariDataSource pool, String jdbcUrl, String user, String password, Triggers triggers,
            long checkMillis, Consumer<Rewrite> onRewrite) {
        if (!pool.isAllowPoolSuspension()) {
            throw new IllegalArgumentException("the pool must allow suspension to compact its H2 file while serving");
        }
        RunningH2Compaction compaction = new RunningH2Compaction(pool, jdbcUrl, user, password, triggers, onRewrite);
        compaction.checks.scheduleWithFixedDelay(compaction::checkQuietly, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        return compaction;
    }

    static boolean isH2File(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:h2:file:");
    }

    /** The {@code .mv.db} file of a {@code jdbc:h2:file:} URL, resolved as H2 resolves it. */
    static Path h2File(String jdbcUrl) {
        if (!isH2File(jdbcUrl)) {
            throw new IllegalArgumentException("not an H2 file URL: " + jdbcUrl);
        }
        String name = jdbcUrl.substring("jdbc:h2:file:".length());
        int settings = name.indexOf(';');
        if (settings >= 0) {
            name = name.substring(0, settings);
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Path.of(name + ".mv.db").toAbsolutePath().normalize();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            // the next check tries again; the file only grows meanwhile
            System.err.println("connect-tasks: compacting the H2 file while serving failed: " + e);
        }
    }

    /** Rewrites the file if one of the triggers is due. */
    private void check() {
        long now = size();
        FileTime written = written();
        long at = System.nanoTime();
        boolean changed = now != lastSize || !written.equals(lastWritten);
        if (changed) {
            lastSize = now;
            lastWritten = written;
            unchangedSince = at;
        }
        boolean quiet = !changed && at - unchangedSince >= TimeUnit.MILLISECONDS.toNanos(triggers.quietMillis());
        boolean afterPause = quiet && triggers.quietGrowth() > 0 && now >= triggers.quietFloorBytes()
                && now > triggers.quietGrowth() * baseline;
        boolean underLoad = triggers.loadGrowth() > 0 && now > triggers.loadFloorBytes() && now > triggers.loadGrowth() * baseline;
        if (!afterPause && !underLoad) {
            return;
        }
        HikariPoolMXBean beans = pool.getHikariPoolMXBean();
        long pausedAt = System.nanoTime();
        beans.suspendPool();
        try {
            if (!lastTransactionsFinished(beans)) {
                return;
            }
            long before = size();
            try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                throw new IllegalStateException("SHUTDOWN COMPACT failed", e);
            } finally {
                // every idle connection was closed by the shutdown, also any the pool opened meanwhile
                beans.softEvictConnections();
            }
            baseline = size();
            onRewrite.accept(new Rewrite(before, baseline, (System.nanoTime() - pausedAt) / 1_000_000, !afterPause));
        } finally {
            beans.resumePool();
        }
    }

    private static boolean lastTransactionsFinished(HikariPoolMXBean beans) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LAST_TRANSACTIONS_WAIT_MILLIS);
        while (beans.getActiveConnections() > 0) {
            if (System.nanoTime() > deadline) {
                System.err.println("connect-tasks: compaction of the H2 file put off: connections still in use after "
                        + LAST_TRANSACTIONS_WAIT_MILLIS + " ms");
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private FileTime written() {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the checks; a rewrite under way finishes first. */
    @Override
    public void close() {
        checks.shutdown();
        try {
            checks.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
