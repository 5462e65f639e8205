package dev.connecttasks.benchmark.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.benchmark.Throughput;
import dev.connecttasks.adapter.jdbc.JdbcSchema;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.jdbc.CountingDataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * StartTaskContact transactions per second on a real database next to bare single-row INSERT
 * transactions on the same database with the same number of connections, measured in one run;
 * then the statements one StartTaskContact executes.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.connecttasks.benchmark.jdbc.JdbcLoadHarness
 *     [--databases h2,postgresql] [--connections 1,4,16] [--warmup 1] [--seconds 3] [--rounds 3]</pre>
 */
public final class JdbcLoadHarness {

    /** The quota and throttle are lifted: the harness measures the rules and the store, not refusals. */
    private static final TaskPolicy UNLIMITED = TaskPolicy.defaults().withOpenTasksPerInstance(Integer.MAX_VALUE).withThrottling(false);
    private static final Map<String, String> ATTRIBUTES = Map.of("customer", "c-42");

    private static final String BASELINE = "baseline INSERT tx";
    /** H2's own commit, which reaches the file only in the background: not durable, shown for what durability costs. */
    private static final String LAZY = "INSERT tx, lazy commit";

    private final int warmupSeconds;
    private final int seconds;
    private final int rounds;

    private JdbcLoadHarness(int warmupSeconds, int seconds, int rounds) {
        this.warmupSeconds = warmupSeconds;
        this.seconds = seconds;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        List<String> databases = List.of("h2", "postgresql");
        int[] connections = {1, 4, 16};
        int warmup = 1;
        int seconds = 3;
        int rounds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--databases" -> databases = List.of(args[i + 1].split(","));
                case "--connections" -> connections = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        JdbcLoadHarness harness = new JdbcLoadHarness(warmup, seconds, rounds);
        List<String> report = new ArrayList<>();
        for (String database : databases) {
            report.addAll(harness.measure(database, connections));
        }
        System.out.println();
        System.out.println("StartTaskContact over JDBC, transactions/s: the median of rounds run alternately with the baseline, and its share of the");
        System.out.println("baseline's median (a bare single-row INSERT transaction, same database and connections); then the process's CPU");
        System.out.println("time per transaction (medians; on PostgreSQL and MariaDB the server's own is not in it) and the baseline's divided by it");
        System.out.printf("%-11s %-12s %-22s %s%n", "database", "connections", "case", Throughput.FIGURES_HEADER);
        report.forEach(System.out::println);
    }

    private List<String> measure(String kind, int[] connectionCounts) throws Exception {
        List<String> rows = new ArrayList<>();
        try (LoadDatabase database = LoadDatabase.create(kind)) {
            database.createBaselineTable();
            try (HikariDataSource migrations = database.pool(2)) {
                JdbcSchema.migrate(migrations);
            }
            for (int connections : connectionCounts) {
                try (HikariDataSource pool = database.pool(connections)) {
                    ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.policy(UNLIMITED).migrate(false));
                    List<Target> own = new ArrayList<>();
                    for (int t = 0; t < connections; t++) {
                        own.add(Target.create(service));
                    }
                    Target shared = Target.create(service);
                    // On H2 the adapter writes every commit out before it answers; so does the baseline (its lazy commit is shown beside)
                    BaselineWriteOut writeOut = database.kind.equals("h2") ? new BaselineWriteOut() : null;
                    AtomicReference<String> tip = new AtomicReference<>(shared.start(null));
                    Map<String, List<Throughput.Rate>> measured = new LinkedHashMap<>();
                    // Round -1 warms the JIT and the pool on every path and is not counted.
                    for (int round = -1; round < rounds; round++) {
                        Map<String, List<Throughput.Rate>> into = round < 0 ? new LinkedHashMap<>() : measured;
                        measure(into, BASELINE, connections, thread -> { BaselineInsert.run(pool, writeOut); return true; });
                        if (writeOut != null) {
                            measure(into, LAZY, connections, thread -> { BaselineInsert.run(pool, null); return true; });
                        }
                        measure(into, "independent chains", connections, thread -> own.get(thread).start(null) != null);
                        measure(into, "one instance", connections, thread -> shared.start(null) != null);
                        measure(into, "one chain", connections, thread -> linkToTip(shared, tip));
                    }
                    List<Throughput.Rate> baseline = measured.get(BASELINE);
                    measured.forEach((name, figures) -> rows.add(row(kind, connections, name, figures, baseline)));
                    rows.subList(rows.size() - measured.size(), rows.size()).forEach(System.out::println);
                }
            }
            rows.addAll(statementsPerStart(database));
        }
        return rows;
    }

    /**
     * Links a task to the chain's newest task. Racing threads may link to the same one, so its 13th
     * link is refused; such a call is not counted and the thread moves on to the newer tip.
     */
    private static boolean linkToTip(Target chain, AtomicReference<String> tip) {
        try {
            tip.set(chain.start(tip.get()));
            return true;
        } catch (ServiceQuotaExceededException linkedTasks) {
            return false;
        }
    }

    private void measure(Map<String, List<Throughput.Rate>> measured, String name, int threads, ThreadWork op) throws InterruptedException {
        measured.computeIfAbsent(name, n -> new ArrayList<>()).add(rate(threads, op));
    }

    private static String row(String kind, int connections, String name, List<Throughput.Rate> rates, List<Throughput.Rate> baseline) {
        return String.format("%-11s %-12d %-22s %s", kind, connections, name, Throughput.figures(rates, baseline));
    }

    private Throughput.Rate rate(int threads, ThreadWork op) throws InterruptedException {
        return Throughput.measure(threads, warmupSeconds, seconds, thread -> () -> op.run(thread));
    }

    /** The JDBC calls of one StartTaskContact, once the instance is cached: a new chain, then a linked task. */
    private static List<String> statementsPerStart(LoadDatabase database) throws Exception {
        List<String> lines = new ArrayList<>();
        try (HikariDataSource pool = database.pool(1)) {
            CountingDataSource counting = new CountingDataSource(pool);
            Target target = Target.create(JdbcConnectTasks.create(counting, o -> o.policy(UNLIMITED).migrate(false)));
            String first = target.start(null);
            for (String kindOfStart : List.of("new chain", "linked task")) {
                counting.reset();
                target.start(kindOfStart.equals("new chain") ? null : first);
                List<String> calls = counting.calls();
                long statements = calls.stream().filter(c -> !c.equals("commit") && !c.startsWith("setAutoCommit")).count();
                lines.add(String.format("%-11s one StartTaskContact (%s): %d statements, %d JDBC calls (on PostgreSQL setAutoCommit is client-side, and commit is too once the writes carried it):",
                        database.kind, kindOfStart, statements, calls.size()));
                calls.forEach(call -> lines.add("              " + call.replace(";\n", "; ")));
            }
        }
        return lines;
    }

    @FunctionalInterface
    private interface ThreadWork {
        /** Whether the call did what the case measures. */
        boolean run(int thread) throws Exception;
    }

    /** An instance with one flow, into which tasks are started. */
    private record Target(ConnectTasksService service, String instanceId, String flowId) {

        static Target create(ConnectTasksService service) {
            String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("load").build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance)
                    .name("Tasks").type("CONTACT_FLOW").build()).contactFlowId();
            return new Target(service, instance, flow);
        }

        String start(String previous) {
            return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instanceId).contactFlowId(flowId)
                    .name("Call back customer").previousContactId(previous).attributes(ATTRIBUTES).build()).contactId();
        }
    }
}
