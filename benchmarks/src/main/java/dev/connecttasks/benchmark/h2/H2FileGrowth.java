package dev.connecttasks.benchmark.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.localserver.RunningH2Compaction;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How large the local server's default H2 file grows against its live data: starts small tasks
 * (an instance per thread, as a test campaign does), printing the file's size per stored contact
 * as it goes, then the size after {@code SHUTDOWN COMPACT} (the live data).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.connecttasks.benchmark.h2.H2FileGrowth [TASKS] [THREADS] [URL_SUFFIX]
 *     [IDLE_SECONDS] [GROWTH] [LOAD_GROWTH] [LOAD_FLOOR_MB]</pre>
 * URL_SUFFIX (for example {@code ;WRITE_DELAY=500}) is appended to the file URL, to compare settings; IDLE_SECONDS
 * after the load, the open file's size is printed every 5 s; GROWTH and LOAD_GROWTH over 1 run the local server's
 * {@link RunningH2Compaction} with those triggers (after a pause, and under load above LOAD_FLOOR_MB, 64 by
 * default; 0, the default, turns a trigger off).
 */
public final class H2FileGrowth {

    private H2FileGrowth() {
    }

    /** H2's own view of the file: the share of it in chunks, and the share of those chunks still live. */
    private static String fillRates(javax.sql.DataSource pool) throws java.sql.SQLException {
        StringBuilder rates = new StringBuilder();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE', 'info.CHUNKS_FILL_RATE_RW', 'info.CHUNK_COUNT')")) {
            while (rows.next()) {
                rates.append(rows.getString(1).substring("info.".length())).append('=').append(rows.getString(2)).append(' ');
            }
        }
        return rates.toString().trim();
    }

    public static void main(String[] args) throws Exception {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String suffix = args.length > 2 ? args[2] : "";
        int idleSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        double growth = args.length > 4 ? Double.parseDouble(args[4]) : 0;
        double loadGrowth = args.length > 5 ? Double.parseDouble(args[5]) : 0;
        long loadFloorBytes = (args.length > 6 ? Long.parseLong(args[6]) : 64) << 20;
        Path folder = Files.createTempDirectory("ct-h2-growth");
        Path file = folder.resolve("growth.mv.db");
        String url = "jdbc:h2:file:" + folder.resolve("growth") + suffix;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("sa");
        config.setMaximumPoolSize(threads);
        config.setAllowPoolSuspension(growth > 0 || loadGrowth > 0);
        List<RunningH2Compaction.Rewrite> rewrites = java.util.Collections.synchronizedList(new ArrayList<>());
        long peak = 0;
        try (HikariDataSource pool = new HikariDataSource(config)) {
            ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.policy(TaskPolicy.defaults().withThrottling(false)
                    .withOpenTasksPerInstance(Integer.MAX_VALUE)));
            List<String[]> targets = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
                String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f")
                        .type("CONTACT_FLOW").build()).contactFlowId();
                targets.add(new String[] {instance, flow});
            }
            RunningH2Compaction compaction = growth > 0 || loadGrowth > 0 ? RunningH2Compaction.start(pool, url, "sa", "",
                    new RunningH2Compaction.Triggers(growth, 1L << 20, 2_000, loadGrowth, loadFloorBytes), 200, rewrites::add) : null;
            long loadStarted = System.nanoTime();
            AtomicInteger started = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (String[] target : targets) {
                done.add(workers.submit(() -> {
                    while (started.getAndIncrement() < tasks) {
                        service.startTaskContact(StartTaskContactRequest.builder().instanceId(target[0]).contactFlowId(target[1])
                                .name("Call back customer").attributes(Map.of("customer", "c-42")).build());
                    }
                    return null;
                }));
            }
            long nextReport = tasks / 10;
            while (done.stream().anyMatch(f -> !f.isDone())) {
                Thread.sleep(200);
                long size = Files.size(file);
                peak = Math.max(peak, size);
                int now = Math.min(started.get(), tasks);
                if (now >= nextReport) {
                    System.out.printf("%,9d contacts  file %,13d bytes  %,7d B per contact  %s%n", now, size, size / Math.max(1, now),
                            fillRates(pool));
                    nextReport += tasks / 10;
                }
            }
            for (Future<?> f : done) {
                f.get();
            }
            workers.shutdown();
            long loadMillis = (System.nanoTime() - loadStarted) / 1_000_000;
            System.out.printf("load took %,d ms%n", loadMillis);
            long end = Files.size(file);
            peak = Math.max(peak, end);
            System.out.printf("running:  file %,d bytes at the end (%,d B per contact), peak %,d bytes (%,d B per contact)%n",
                    end, end / tasks, peak, peak / tasks);
            for (int second = 5; second <= idleSeconds; second += 5) {
                Thread.sleep(5_000);
                long size = Files.size(file);
                System.out.printf("idle %3d s: file %,13d bytes  %,7d B per contact%n", second, size, size / tasks);
            }
            if (compaction != null) {
                compaction.close();
                for (boolean underLoad : new boolean[] {true, false}) {
                    List<RunningH2Compaction.Rewrite> these = rewrites.stream().filter(r -> r.underLoad() == underLoad).toList();
                    long held = these.stream().mapToLong(RunningH2Compaction.Rewrite::pausedMillis).sum();
                    long longest = these.stream().mapToLong(RunningH2Compaction.Rewrite::pausedMillis).max().orElse(0);
                    double worst = these.stream().mapToDouble(r -> (double) r.bytesBefore() / r.bytesAfter()).max().orElse(0);
                    System.out.printf("rewrites %s: %d, calls held %,d ms in all (longest %,d ms), largest file / rewritten %.1f;"
                            + " file / rewritten at each: %s%n", underLoad ? "under load" : "once writes paused", these.size(), held,
                            longest, worst, these.stream().map(r -> String.format("%.1f", (double) r.bytesBefore() / r.bytesAfter()))
                                    .toList());
                }
            }
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long live = Files.size(file);
        System.out.printf("compacted: %,d bytes (%,d B per contact); peak while running / live = %.1f%n", live, live / tasks, (double) peak / live);
    }
}
