package dev.connecttasks.benchmark.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.adapter.jdbc.JdbcSchema;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where one instance's starts wait on PostgreSQL: N threads start new chains in one instance (or, with
 * {@code chain}, all link to one chain's newest task) for a few seconds while a separate connection samples {@code pg_stat_activity} every 20 ms, counting
 * what each of the service's sessions was doing (running, waiting for a row lock, for the WAL to
 * reach the disk, for the client's next statement).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.connecttasks.benchmark.jdbc.PostgresWaitProfile [THREADS] [SECONDS] [instance|chain]</pre>
 */
public final class PostgresWaitProfile {

    private static final String SAMPLE = "SELECT state, wait_event_type, wait_event FROM pg_stat_activity "
            + "WHERE application_name = 'ct-wait-profile' AND pid <> pg_backend_pid()";

    private PostgresWaitProfile() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean oneChain = args.length > 2 && args[2].equals("chain");
        try (LoadDatabase database = LoadDatabase.create("postgresql")) {
            try (HikariDataSource pool = database.pool(2)) {
                JdbcSchema.migrate(pool);
            }
            try (HikariDataSource pool = database.pool(threads, "ct-wait-profile")) {
                ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.migrate(false)
                        .policy(TaskPolicy.defaults().withOpenTasksPerInstance(Integer.MAX_VALUE).withThrottling(false)));
                String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
                String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                        .build()).contactFlowId();
                AtomicReference<String> tip = new AtomicReference<>(oneChain ? start(service, instance, flow, null) : null);
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicLong starts = new AtomicLong();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        while (running.get()) {
                            if (!oneChain) {
                                start(service, instance, flow, null);
                            } else {
                                try {
                                    tip.set(start(service, instance, flow, tip.get()));
                                } catch (ServiceQuotaExceededException thirteenthLink) {
                                    continue;   // racing threads linked 12 to the same tip; a newer one exists
                                }
                            }
                            starts.incrementAndGet();
                        }
                    });
                    worker.start();
                    workers.add(worker);
                }
                Thread.sleep(1_000);
                long before = starts.get();
                Map<String, Long> samples = new TreeMap<>();
                long total = 0;
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                try (Connection sampler = DriverManager.getConnection(database.url(), database.user(), "");
                     PreparedStatement sample = sampler.prepareStatement(SAMPLE)) {
                    while (System.nanoTime() < end) {
                        try (ResultSet rows = sample.executeQuery()) {
                            while (rows.next()) {
                                String what = rows.getString(1) + " / " + rows.getString(2) + ":" + rows.getString(3);
                                samples.merge(what, 1L, Long::sum);
                                total++;
                            }
                        }
                        Thread.sleep(20);
                    }
                }
                long done = starts.get() - before;
                running.set(false);
                for (Thread worker : workers) {
                    worker.join();
                }
                System.out.printf("%d threads, %s: %,d starts/s; what the sessions were doing, share of %,d samples:%n", threads,
                        oneChain ? "one chain" : "one instance", done / seconds, total);
                long all = total;
                samples.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
            }
        }
    }

    private static String start(ConnectTasksService service, String instance, String flow, String previous) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                .previousContactId(previous).attributes(Map.of("customer", "c-42")).build()).contactId();
    }
}
