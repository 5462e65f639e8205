package dev.connecttasks.benchmark.http;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.ConnectTasks;
import dev.connecttasks.adapter.http.HttpConnectServer;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.benchmark.Throughput;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * StartTaskContact requests per second over HTTP (each client its own instance, then all clients on
 * one instance), next to a baseline on the same server stack in the same run: {@code PUT /benchmark/baseline} parses the same JSON body and returns a fixed id.
 * The server runs in this process on an H2 file database (the local server's default); each
 * client thread has its own HTTP/1.1 connection. Then the local server's start-up time to its
 * first served request, as a separate process.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.connecttasks.benchmark.http.HttpLoadHarness
 *     [--clients 1,4,16] [--warmup 1] [--seconds 3] [--rounds 3] [--startups 5] [--store h2|memory]</pre>
 */
public final class HttpLoadHarness {

    private static final LongAdder CONNECTION_ERRORS = new LongAdder();
    private static final TaskPolicy UNLIMITED = TaskPolicy.defaults().withOpenTasksPerInstance(Integer.MAX_VALUE).withThrottling(false);

    public static void main(String[] args) throws Exception {
        int[] clients = {1, 4, 16};
        int warmup = 1;
        int seconds = 3;
        int rounds = 3;
        int startups = 5;
        String store = "h2";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--startups" -> startups = Integer.parseInt(args[i + 1]);
                case "--store" -> store = args[i + 1];
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        Path folder = Files.createTempDirectory("ct-http-load");
        List<String> rows = new ArrayList<>();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + folder.resolve("load"));
        config.setMaximumPoolSize(16);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // The in-memory store takes the database out of a start: what is left is the server and the rules.
            ConnectTasksService service = switch (store) {
                case "h2" -> JdbcConnectTasks.create(pool, o -> o.policy(UNLIMITED));
                case "memory" -> ConnectTasks.inMemory(o -> o.policy(UNLIMITED));
                default -> throw new IllegalArgumentException("--store is h2 or memory, not " + store);
            };
            try (HttpConnectServer server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0),
                    o -> o.extraOperation(BaselineEndpoint.METHOD, BaselineEndpoint.PATH, BaselineEndpoint.NAME, BaselineEndpoint::handle))) {
                for (int n : clients) {
                    List<String> bodies = new ArrayList<>();
                    for (int t = 0; t < n; t++) {
                        bodies.add(startBody(service));
                    }
                    String oneInstance = startBody(service);
                    List<String> sharedBodies = java.util.Collections.nCopies(n, oneInstance);
                    List<Throughput.Rate> baselines = new ArrayList<>();
                    List<Throughput.Rate> starts = new ArrayList<>();
                    List<Throughput.Rate> shared = new ArrayList<>();
                    // Round -1 warms the JIT on every path and is not counted.
                    for (int round = -1; round < rounds; round++) {
                        Throughput.Rate baselineRate = rate(server.endpoint() + BaselineEndpoint.PATH, bodies, warmup, seconds);
                        Throughput.Rate startRate = rate(server.endpoint() + "/contact/task", bodies, warmup, seconds);
                        Throughput.Rate sharedRate = rate(server.endpoint() + "/contact/task", sharedBodies, warmup, seconds);
                        if (round >= 0) {
                            baselines.add(baselineRate);
                            starts.add(startRate);
                            shared.add(sharedRate);
                        }
                    }
                    rows.add(String.format("%-8d %-26s %s", n, "baseline (parse, fixed id)", Throughput.figures(baselines, baselines)));
                    rows.add(String.format("%-8d %-26s %s", n, "StartTaskContact", Throughput.figures(starts, baselines)));
                    rows.add(String.format("%-8d %-26s %s", n, "StartTaskContact, 1 inst.", Throughput.figures(shared, baselines)));
                    System.out.println(rows.get(rows.size() - 2));
                    System.out.println(rows.get(rows.size() - 1));
                }
            }
        }
        List<Long> startupMillis = new ArrayList<>();
        for (int i = 0; i < startups; i++) {
            startupMillis.add(startupToFirstRequest(folder.resolve("startup-" + i)));
        }
        System.out.println();
        System.out.println("StartTaskContact over HTTP on " + store + ", requests/s: the median of rounds run alternately with the baseline endpoint,");
        System.out.println("and its share of the baseline's median (same server, same clients, same run); then the process's CPU time per");
        System.out.println("request (server and clients, medians) and the baseline's CPU time per request divided by this case's");
        System.out.printf("%-8s %-26s %s%n", "clients", "case", Throughput.FIGURES_HEADER);
        rows.forEach(System.out::println);
        System.out.printf("requests that lost their connection before any answer (not counted above): %d%n", CONNECTION_ERRORS.sum());
        startupMillis.sort(Comparator.naturalOrder());
        System.out.printf("%nlocal server start-up to first served request (new H2 file each time), %d runs: min %d ms, median %d ms, max %d ms%n",
                startupMillis.size(), startupMillis.get(0), startupMillis.get(startupMillis.size() / 2), startupMillis.get(startupMillis.size() - 1));
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** A StartTaskContact body for a new instance with one flow. */
    private static String startBody(ConnectTasksService service) {
        String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("load").build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("Tasks")
                .type("CONTACT_FLOW").build()).contactFlowId();
        return "{\"InstanceId\":\"" + instance + "\",\"ContactFlowId\":\"" + flow
                + "\",\"Name\":\"Call back customer\",\"Attributes\":{\"customer\":\"c-42\"}}";
    }

    /** Requests per second with one thread (and one connection) per body, each thread sending its own body. */
    private static Throughput.Rate rate(String url, List<String> bodies, int warmupSeconds, int seconds) throws Exception {
        return Throughput.measure(bodies.size(), warmupSeconds, seconds, thread -> {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(bodies.get(thread)))
                    .header("Content-Type", "application/json").build();
            return () -> {
                HttpResponse<String> response;
                try {
                    response = client.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (IOException lost) {
                    // The JDK client now and then loses a pooled connection ("header parser received no bytes"):
                    // counted and reported, not taken as a served request.
                    CONNECTION_ERRORS.increment();
                    return false;
                }
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
                }
                return true;
            };
        });
    }

    /** Milliseconds from starting the local server's JVM to its first 200 answer to ListInstances. */
    private static long startupToFirstRequest(Path folder) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest list = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/instance")).GET().build();
        long started = System.nanoTime();
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.connecttasks.localserver.LocalServer", "--port", String.valueOf(port),
                "--jdbc-url", "jdbc:h2:file:" + folder.resolve("data")).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            while (true) {
                try {
                    if (client.send(list, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - started) / 1_000_000;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the local server exited with " + server.exitValue());
                }
                Thread.sleep(5);
            }
        } finally {
            server.toHandle().destroy();
            server.waitFor();
        }
    }
}
