package dev.connecttasks.benchmark.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.adapter.jdbc.JdbcSchema;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.benchmark.Throughput;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a start and a DescribeContact cost as one instance's store grows: the instance is preloaded
 * with ended tasks (rows as the service writes a stopped task, inserted in batches) up to each size, and at
 * each size one-instance starts per second are measured beside the bare INSERT transaction, and
 * DescribeContact's latency on random stored contacts. Then a straight chain of {@code --chain}
 * links is built, and the cost of a link at its end is set against the cost of its first links.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.connecttasks.benchmark.jdbc.JdbcGrowthHarness
 *     [--databases h2,postgresql,mariadb] [--sizes 10000,100000,1000000] [--connections 4,16] [--seconds 3] [--rounds 3] [--chain 10000]</pre>
 */
public final class JdbcGrowthHarness {

    private static final TaskPolicy UNLIMITED = TaskPolicy.defaults().withOpenTasksPerInstance(Integer.MAX_VALUE).withThrottling(false);
    private static final String PRELOAD = "INSERT INTO ct_contact (instance_id, contact_id, channel, initiation_method, name, references_json, "
            + "flow_id, flow_source, flow_source_id, initial_contact_id, initiated_ns, expiry_duration_ns, stopped_ns, reschedule_count, "
            + "attributes_json) VALUES (?, ?, 'TASK', 'API', 'Call back customer', '{}', ?, 'CONTACT_FLOW', ?, ?, ?, ?, ?, 0, "
            + "'{\"customer\":\"c-42\"}')";
    private static final long SEVEN_DAYS_NS = 7L * 24 * 3_600 * 1_000_000_000L;
    private static final int DESCRIBES = 2_000;

    private JdbcGrowthHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of("h2", "postgresql", "mariadb");
        int[] sizes = {10_000, 100_000, 1_000_000};
        int[] connections = {4, 16};
        int seconds = 3;
        int rounds = 3;
        int chain = 10_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--databases" -> databases = List.of(args[i + 1].split(","));
                case "--sizes" -> sizes = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--connections" -> connections = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--chain" -> chain = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        List<String> report = new ArrayList<>();
        for (String kind : databases) {
            report.addAll(measure(kind, sizes, connections, seconds, rounds, chain));
        }
        System.out.println();
        System.out.println("One instance as its store grows: starts/s (median of rounds) and share of the bare INSERT transaction;");
        System.out.println("DescribeContact latency on random stored contacts (one thread); a link at the end of a straight chain");
        report.forEach(System.out::println);
    }

    private static List<String> measure(String kind, int[] sizes, int[] connectionCounts, int seconds, int rounds, int chainLength)
            throws Exception {
        List<String> rows = new ArrayList<>();
        try (LoadDatabase database = LoadDatabase.create(kind)) {
            database.createBaselineTable();
            int maxConnections = Arrays.stream(connectionCounts).max().orElse(1);
            try (HikariDataSource pool = database.pool(maxConnections)) {
                JdbcSchema.migrate(pool);
                ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.policy(UNLIMITED).migrate(false));
                String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("growth").build()).instanceId();
                String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("Tasks")
                        .type("CONTACT_FLOW").build()).contactFlowId();
                // on H2 the adapter writes each commit out before answering, and so does the baseline (as in JdbcLoadHarness)
                BaselineWriteOut writeOut = kind.equals("h2") ? new BaselineWriteOut() : null;
                int stored = 0;
                for (int size : sizes) {
                    long preloadStart = System.nanoTime();
                    preload(pool, instance, flow, stored, size);
                    stored = size;
                    System.out.printf("%s: %,d contacts stored (preload %d s)%n", kind, size, (System.nanoTime() - preloadStart) / 1_000_000_000);
                    for (int connections : connectionCounts) {
                        List<Throughput.Rate> baseline = new ArrayList<>();
                        List<Throughput.Rate> starts = new ArrayList<>();
                        for (int round = -1; round < rounds; round++) {
                            Throughput.Rate b = Throughput.measure(connections, 1, seconds, thread -> () -> { BaselineInsert.run(pool, writeOut); return true; });
                            Throughput.Rate s = Throughput.measure(connections, 1, seconds, thread -> () -> start(service, instance, flow, null) != null);
                            if (round >= 0) {
                                baseline.add(b);
                                starts.add(s);
                            }
                        }
                        String row = String.format("%-11s %,10d stored  %2d connections  one instance %s", kind, size, connections,
                                Throughput.figures(starts, baseline));
                        System.out.println(row);
                        rows.add(row);
                    }
                    String row = String.format("%-11s %,10d stored  DescribeContact %s", kind, size, describeLatency(service, instance, size, kind, pool));
                    System.out.println(row);
                    rows.add(row);
                }
                String row = String.format("%-11s %s", kind, chainCost(service, instance, flow, chainLength));
                System.out.println(row);
                rows.add(row);
            }
        }
        return rows;
    }

    /** Ended tasks {@code pre-(from+1)} to {@code pre-to}, in batches of 1,000 a transaction. */
    private static void preload(HikariDataSource pool, String instance, String flow, int from, int to) throws SQLException {
        long now = System.currentTimeMillis() * 1_000_000L;
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(PRELOAD)) {
                for (int n = from + 1; n <= to; n++) {
                    String id = "pre-" + n;
                    insert.setString(1, instance);
                    insert.setString(2, id);
                    insert.setString(3, flow);
                    insert.setString(4, flow);
                    insert.setString(5, id);
                    insert.setLong(6, now - 3_600_000_000_000L);
                    insert.setLong(7, SEVEN_DAYS_NS);
                    insert.setLong(8, now - 1_800_000_000_000L);
                    insert.addBatch();
                    if (n % 1_000 == 0 || n == to) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
            }
            connection.setAutoCommit(true);
        }
    }

    private static String describeLatency(ConnectTasksService service, String instance, int stored, String kind, HikariDataSource pool)
            throws Exception {
        long[] micros = new long[DESCRIBES];
        for (int warm = 0; warm < 200; warm++) {
            describe(service, instance, stored);
        }
        PageReads before = PageReads.of(kind, pool);
        for (int i = 0; i < DESCRIBES; i++) {
            long t = System.nanoTime();
            describe(service, instance, stored);
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        PageReads pages = PageReads.of(kind, pool).since(before);
        Arrays.sort(micros);
        return String.format("median %,d µs, p99 %,d µs over %,d calls; %s", micros[DESCRIBES / 2], micros[DESCRIBES * 99 / 100], DESCRIBES,
                pages.perCall(DESCRIBES));
    }

    private static void describe(ConnectTasksService service, String instance, int stored) {
        String id = "pre-" + (1 + ThreadLocalRandom.current().nextInt(stored));
        service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(id).build());
    }

    /** The median cost of links 2 to 201 of a new straight chain against that of its last 200 links. */
    private static String chainCost(ConnectTasksService service, String instance, String flow, int length) {
        long[] micros = new long[length];
        String tip = start(service, instance, flow, null);
        for (int i = 0; i < length; i++) {
            long t = System.nanoTime();
            tip = start(service, instance, flow, tip);
            micros[i] = (System.nanoTime() - t) / 1_000;
        }
        long first = median(Arrays.copyOfRange(micros, 0, 200));
        long last = median(Arrays.copyOfRange(micros, length - 200, length));
        return String.format("straight chain of %,d links: links 2-201 median %,d µs, last 200 median %,d µs (%.2f of the first)", length, first,
                last, (double) last / first);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String start(ConnectTasksService service, String instance, String flow, String previous) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("Call back customer")
                .previousContactId(previous).attributes(Map.of("customer", "c-42")).build()).contactId();
    }

}
