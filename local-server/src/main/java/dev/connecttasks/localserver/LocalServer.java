package dev.connecttasks.localserver;

import dev.connecttasks.adapter.http.HttpConnectServer;
import dev.connecttasks.adapter.http.HttpHealth;
import dev.connecttasks.adapter.jdbc.JdbcSchema;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.LinkedTaskCounting;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The composition root of the local server, in a module of its own: the HTTP adapter over the JDBC
 * adapters, with the pool and the drivers. The adapters never see each other. {@code java -jar connect-tasks-local.jar [flags]}. Serves Amazon Connect's API
 * for task contacts on a JDBC database (by default an H2 file under {@code ./data/}, kept across
 * restarts) until SIGTERM or Ctrl-C.
 */
public final class LocalServer {

    static final String USAGE = """
            connect-tasks local server: Amazon Connect's task contacts for AWS SDK clients.
              --port N                        port to listen on (default 8080; 0 picks a free one)
              --host ADDRESS                  address to bind (default 127.0.0.1; 0.0.0.0 for every interface)
              --in-memory                     keep everything in memory, gone at stop (no database)
              --quiet                         no line per request
              --test-controls                 serve /_connect-tasks/reset, /clock and /contacts for tests (unsafe when shared:
                                              any caller moves the clock and erases contacts)
              --jdbc-url URL                  database (default jdbc:h2:file:./data/connect-tasks); PostgreSQL and MariaDB URLs work
              --jdbc-user USER                database user
              --jdbc-password PASSWORD        database password
              --no-throttling                 never answer ThrottlingException
              --credentials KEY:SECRET        check every request's SigV4 signature against this key pair (default: accept any)
              --h2-compact-at-growth X        rewrite an H2 file to its live data once writes pause for 2 s, if it has grown
                                              X times its last compacted size (default 2; 0: only at start and stop)
              --h2-compact-above-mb N         leave a file smaller than this alone (default 1)
              --h2-compact-under-load-at X    rewrite it at once, writes going on, if it has grown X times its last compacted
                                              size (default 2.3; 0: off); callers wait for the rewrite
              --h2-compact-under-load-above-mb N   leave a file smaller than this alone under load (default 64)
              --linked-tasks-per-contact N    the limits of behaviour.md section 2 (defaults as the service's)
              --linked-tasks-per-chain        count that limit over a whole chain (tasks sharing an InitialContactId)
              --open-tasks-per-instance N
              --reschedules-per-task N
              --task-expiry-minutes N
              --schedule-window-days N
              --client-token-lifetime-hours N
              --start-task-rate PER_SECOND:BURST
              --contact-operation-rate PER_SECOND:BURST
              --version                       print the version and exit
              --help
            Every flag can also come from the environment: --open-tasks-per-instance 10 is
            CONNECT_TASKS_OPEN_TASKS_PER_INSTANCE=10, --quiet is CONNECT_TASKS_QUIET=true; a flag given wins.""";

    private LocalServer() {
    }

    public static void main(String[] args) throws Exception {
        LocalServerOptions parsed;
        try {
            parsed = LocalServerOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (parsed.help()) {
            System.out.println(USAGE);
            return;
        }
        if (parsed.version()) {
            System.out.println("connect-tasks " + version());
            return;
        }
        ServerLogging.configure();
        LocalServerOptions options = parsed.closedByTheServerOnly();
        long startedAt = System.nanoTime();
        dev.connecttasks.application.ForwardClock clock = new dev.connecttasks.application.ForwardClock(java.time.Clock.systemUTC());
        Store store = options.inMemory() ? Store.inMemory(options, clock) : Store.jdbc(options, clock);
        HttpConnectServer server = HttpConnectServer.start(store.service(), new InetSocketAddress(options.host(), options.port()), o -> {
            o.onFatalError(LocalServer::halt);
            o.health(store.health());
            o.requestLog(!options.quiet());
            if (options.testControls()) {
                o.testControls(dev.connecttasks.application.TestControls.over(store.service(), clock));
            }
            if (options.credentials() != null) {
                o.credentials(options.credentials());
            }
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            store.close();
            System.out.println("connect-tasks stopped");
            stopped.countDown();
        }, "connect-tasks-shutdown"));
        System.out.printf("connect-tasks listening on %s (database %s), ready in %d ms%n", server.endpoint(), store.name(),
                (System.nanoTime() - startedAt) / 1_000_000);
        System.out.printf("try: aws connect create-instance --endpoint-url %s --region us-east-1 --identity-management-type CONNECT_MANAGED "
                + "--inbound-calls-enabled --outbound-calls-enabled%n", server.endpoint());
        stopped.await();
    }

    /** The version this jar was built as, or "unknown" when run from classes without the filtered resource. */
    static String version() {
        try (java.io.InputStream in = LocalServer.class.getResourceAsStream("version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** What the server serves from, its health and how it is closed: a JDBC database with its pool, or memory. */
    record Store(String name, ConnectTasksService service, java.util.function.Supplier<HttpHealth> health, Runnable closing) {

        /** Every rule reads {@code clock}: the system's time until the test controls move it. */
        static Store inMemory(LocalServerOptions options, java.time.Clock clock) {
            ConnectTasksService service = dev.connecttasks.ConnectTasks.inMemory(o -> o.clock(clock).policy(options.policy()));
            return new Store("in memory", service, () -> HttpHealth.up("in memory"), () -> { });
        }

        static Store jdbc(LocalServerOptions options, java.time.Clock clock) {
            compactH2File(options, "start");
            HikariDataSource pool = pool(options);
            JdbcSchema.Migrated migrated = JdbcSchema.migrate(pool);
            System.out.printf("connect-tasks: schema at version %s on %s (%d migrations run now)%n", migrated.schemaVersion(),
                    migrated.database(), migrated.migrationsRun());
            ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.migrate(false).clock(clock).policy(options.policy()));
            RunningH2Compaction compaction = runningCompaction(pool, options);
            return new Store(options.jdbcUrl(), service, () -> databaseHealth(pool, options.jdbcUrl()), () -> {
                if (compaction != null) {
                    compaction.close();
                }
                // the last pooled connection closes the database; the rewrite then opens it alone
                pool.close();
                compactH2File(options, "stop");
            });
        }

        void close() {
            closing.run();
        }
    }

    private static final int HEALTH_CHECK_SECONDS = 2;

    /**
     * Up when a pooled connection answers a validity check within 2 s. Getting the connection waits as
     * long as any request would (the pool's connection timeout, HikariCP's 30 s): the check sees the
     * store as the requests see it, and changes nothing of theirs.
     */
    static HttpHealth databaseHealth(javax.sql.DataSource pool, String name) {
        try (java.sql.Connection connection = pool.getConnection()) {
            return connection.isValid(HEALTH_CHECK_SECONDS) ? HttpHealth.up(name)
                    : HttpHealth.down(name, "the database did not answer within " + HEALTH_CHECK_SECONDS + " s");
        } catch (java.sql.SQLException | RuntimeException e) {
            return HttpHealth.down(name, "no connection to the database: " + e.getClass().getSimpleName());
        }
    }

    private static RunningH2Compaction runningCompaction(HikariDataSource pool, LocalServerOptions options) {
        if (!isH2File(options.jdbcUrl()) || options.h2CompactAtGrowth() == 0 && options.h2CompactUnderLoadAt() == 0) {
            return null;
        }
        RunningH2Compaction.Triggers triggers = new RunningH2Compaction.Triggers(options.h2CompactAtGrowth(),
                options.h2CompactAboveMb() * 1024L * 1024L, 2_000, options.h2CompactUnderLoadAt(),
                options.h2CompactUnderLoadAboveMb() * 1024L * 1024L);
        return RunningH2Compaction.start(pool, options.jdbcUrl(), options.jdbcUser(), options.jdbcPassword(), triggers, 200,
                rewrite -> System.out.printf("connect-tasks: rewrote the H2 file from %,d to %,d bytes (%s; requests waited %d ms)%n",
                        rewrite.bytesBefore(), rewrite.bytesAfter(), rewrite.underLoad() ? "under load" : "writes paused",
                        rewrite.pausedMillis()));
    }

    /**
     * An H2 file grows to about four times its live data while it serves under load (superseded
     * chunks are reused only as they empty). Stopping rewrites it to its live data, and so does
     * starting, for a file left large by a process that was killed: a server restarted now and then
     * never fills the disk.
     */
    private static void compactH2File(LocalServerOptions options, String moment) {
        if (!isH2File(options.jdbcUrl())) {
            return;
        }
        if (moment.equals("start") && !worthCompactingAtStart(options)) {
            return;
        }
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(options.jdbcUrl(),
                options.jdbcUser() == null ? "" : options.jdbcUser(), options.jdbcPassword() == null ? "" : options.jdbcPassword());
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
        } catch (java.sql.SQLException e) {
            System.err.println("connect-tasks: compacting the H2 file at " + moment + " failed: " + e.getMessage());
        }
    }

    /**
     * A new file, or one under the compaction threshold, has nothing worth rewriting: opening the
     * database twice (once to rewrite it, once for the pool) only delays a new server's first request.
     */
    static boolean worthCompactingAtStart(LocalServerOptions options) {
        java.nio.file.Path file = RunningH2Compaction.h2File(options.jdbcUrl());
        try {
            return java.nio.file.Files.exists(file) && java.nio.file.Files.size(file) >= options.h2CompactAboveMb() * 1024L * 1024L;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static boolean isH2File(String jdbcUrl) {
        return RunningH2Compaction.isH2File(jdbcUrl);
    }

    /** A process out of memory would limp on, failing calls at random; exiting lets its supervisor start it afresh. */
    private static void halt(VirtualMachineError error) {
        System.err.println("connect-tasks: " + error + " while serving a request; exiting");
        Runtime.getRuntime().halt(3);
    }

    private static HikariDataSource pool(LocalServerOptions options) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.jdbcUrl());
        if (options.jdbcUrl().startsWith("jdbc:mariadb:") || options.jdbcUrl().startsWith("jdbc:mysql:")) {
            // the level the adapter runs its transactions at: the pool then never switches a connection back and forth
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        if (options.jdbcUser() != null) {
            config.setUsername(options.jdbcUser());
        }
        if (options.jdbcPassword() != null) {
            config.setPassword(options.jdbcPassword());
        }
        config.setMaximumPoolSize(16);
        // a running H2 file is compacted with the pool suspended (RunningH2Compaction)
        config.setAllowPoolSuspension(isH2File(options.jdbcUrl()));
        config.setPoolName("connect-tasks");
        return new HikariDataSource(config);
    }

    /** The command line, parsed. */
    record LocalServerOptions(String host, int port, boolean inMemory, boolean quiet, boolean testControls, boolean version, String jdbcUrl, String jdbcUser, String jdbcPassword, String credentials, TaskPolicy policy,
            double h2CompactAtGrowth, int h2CompactAboveMb, double h2CompactUnderLoadAt, int h2CompactUnderLoadAboveMb, boolean help) {

        /**
         * H2 closes a database from its own shutdown hook, which races the server's: the stop's
         * {@code SHUTDOWN COMPACT} found the database closed under it, with requests possibly
         * still finishing. The server closes an H2 file itself, after its last request.
         */
        LocalServerOptions closedByTheServerOnly() {
            if (!isH2File(jdbcUrl) || jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains(";DB_CLOSE_ON_EXIT=")) {
                return this;
            }
            return new LocalServerOptions(host, port, inMemory, quiet, testControls, version, jdbcUrl + ";DB_CLOSE_ON_EXIT=FALSE", jdbcUser, jdbcPassword, credentials, policy,
                    h2CompactAtGrowth, h2CompactAboveMb, h2CompactUnderLoadAt, h2CompactUnderLoadAboveMb, help);
        }

        /** The flags that take no value; every other flag but --help and --version takes one. */
        private static final java.util.Set<String> SWITCHES = java.util.Set.of("--no-throttling", "--linked-tasks-per-chain", "--in-memory",
                "--quiet", "--test-controls");
        private static final java.util.List<String> VALUED = java.util.List.of("--port", "--host", "--jdbc-url", "--jdbc-user",
                "--jdbc-password", "--credentials", "--h2-compact-at-growth", "--h2-compact-above-mb", "--h2-compact-under-load-at",
                "--h2-compact-under-load-above-mb", "--linked-tasks-per-contact", "--open-tasks-per-instance", "--reschedules-per-task",
                "--task-expiry-minutes", "--schedule-window-days", "--client-token-lifetime-hours", "--start-task-rate",
                "--contact-operation-rate");

        /** {@code CONNECT_TASKS_OPEN_TASKS_PER_INSTANCE} for {@code --open-tasks-per-instance}. */
        static String environmentName(String flag) {
            return "CONNECT_TASKS_" + flag.substring(2).toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        }

        static LocalServerOptions parse(String[] args) {
            return parse(args, java.util.Map.of());
        }

        /** The flags of {@code environment} first, then {@code args}: a flag given on the command line wins. */
        static LocalServerOptions parse(String[] args, java.util.Map<String, String> environment) {
            java.util.List<String> all = new java.util.ArrayList<>();
            for (String flag : VALUED) {
                String value = environment.get(environmentName(flag));
                if (value != null) {
                    all.add(flag);
                    all.add(value);
                }
            }
            for (String flag : new java.util.TreeSet<>(SWITCHES)) {
                String value = environment.get(environmentName(flag));
                if (value == null || value.equalsIgnoreCase("false")) {
                    continue;
                }
                if (!value.equalsIgnoreCase("true")) {
                    throw new IllegalArgumentException(environmentName(flag) + " must be true or false, not '" + value + "'");
                }
                all.add(flag);
            }
            all.addAll(java.util.List.of(args));
            return parseFlags(all.toArray(String[]::new));
        }

        private static LocalServerOptions parseFlags(String[] args) {
            String host = "127.0.0.1";
            boolean inMemory = false;
            boolean quiet = false;
            boolean testControls = false;
            boolean version = false;
            int port = 8080;
            String url = DEFAULT_JDBC_URL;
            String user = null;
            String password = null;
            String credentials = null;
            TaskPolicy policy = TaskPolicy.defaults();
            double h2CompactAtGrowth = 2;
            int h2CompactAboveMb = 1;
            double h2CompactUnderLoadAt = 2.3;
            int h2CompactUnderLoadAboveMb = 64;
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                switch (flag) {
                    case "--help", "-h" -> help = true;
                    case "--version" -> version = true;
                    case "--in-memory" -> inMemory = true;
                    case "--quiet" -> quiet = true;
                    case "--test-controls" -> testControls = true;
                    case "--host" -> host = host(value(args, ++i, flag));
                    case "--no-throttling" -> policy = policy.withThrottling(false);
                    case "--port" -> port = number(flag, value(args, ++i, flag));
                    case "--jdbc-url" -> url = value(args, ++i, flag);
                    case "--jdbc-user" -> user = value(args, ++i, flag);
                    case "--jdbc-password" -> password = value(args, ++i, flag);
                    case "--credentials" -> credentials = value(args, ++i, flag);
                    case "--h2-compact-at-growth" -> h2CompactAtGrowth = growth(flag, value(args, ++i, flag));
                    case "--h2-compact-above-mb" -> h2CompactAboveMb = number(flag, value(args, ++i, flag));
                    case "--h2-compact-under-load-at" -> h2CompactUnderLoadAt = growth(flag, value(args, ++i, flag));
                    case "--h2-compact-under-load-above-mb" -> h2CompactUnderLoadAboveMb = number(flag, value(args, ++i, flag));
                    case "--linked-tasks-per-contact" -> policy = policy.withLinkedTasksPerContact(number(flag, value(args, ++i, flag)));
                    case "--linked-tasks-per-chain" -> policy = policy.withLinkedTaskCounting(LinkedTaskCounting.PER_CHAIN);
                    case "--open-tasks-per-instance" -> policy = policy.withOpenTasksPerInstance(number(flag, value(args, ++i, flag)));
                    case "--reschedules-per-task" -> policy = policy.withReschedulesPerTask(number(flag, value(args, ++i, flag)));
                    case "--task-expiry-minutes" -> policy = policy.withTaskExpiry(Duration.ofMinutes(number(flag, value(args, ++i, flag))));
                    case "--schedule-window-days" -> policy = policy.withScheduleWindow(Duration.ofDays(number(flag, value(args, ++i, flag))));
                    case "--client-token-lifetime-hours" ->
                            policy = policy.withClientTokenLifetime(Duration.ofHours(number(flag, value(args, ++i, flag))));
                    case "--start-task-rate" -> policy = policy.withStartTaskRate(rate(flag, value(args, ++i, flag)));
                    case "--contact-operation-rate" -> policy = policy.withContactOperationRate(rate(flag, value(args, ++i, flag)));
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be 0..65535, not " + port);
            }
            if (credentials != null && (credentials.indexOf(':') <= 0 || credentials.endsWith(":"))) {
                throw new IllegalArgumentException("--credentials must be ACCESS_KEY:SECRET_KEY");
            }
            if (h2CompactAboveMb < 0) {
                throw new IllegalArgumentException("--h2-compact-above-mb must be 0 or more, not " + h2CompactAboveMb);
            }
            if (h2CompactUnderLoadAboveMb < 0) {
                throw new IllegalArgumentException("--h2-compact-under-load-above-mb must be 0 or more, not " + h2CompactUnderLoadAboveMb);
            }
            if (inMemory && !url.equals(DEFAULT_JDBC_URL)) {
                throw new IllegalArgumentException("--in-memory and --jdbc-url exclude each other");
            }
            return new LocalServerOptions(host, port, inMemory, quiet, testControls, version, url, user, password, credentials, policy, h2CompactAtGrowth, h2CompactAboveMb,
                    h2CompactUnderLoadAt, h2CompactUnderLoadAboveMb, help);
        }

        static final String DEFAULT_JDBC_URL = "jdbc:h2:file:./data/connect-tasks";

        /** A name or address the server can bind; refused here rather than as a stack trace from the socket. */
        private static String host(String value) {
            try {
                java.net.InetAddress.getByName(value);
                return value;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("--host must be an address or a name this machine resolves, not '" + value + "'");
            }
        }

        private static String value(String[] args, int index, String flag) {
            if (index >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[index];
        }

        private static RatePolicy rate(String flag, String value) {
            String[] parts = value.split(":");
            if (parts.length != 2) {
                throw new IllegalArgumentException(flag + " must be PER_SECOND:BURST, not '" + value + "'");
            }
            return new RatePolicy(number(flag, parts[0]), number(flag, parts[1]));
        }

        private static double growth(String flag, String value) {
            double growth;
            try {
                growth = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a number, not '" + value + "'");
            }
            if (growth != 0 && !(growth > 1 && growth < 1_000)) {
                throw new IllegalArgumentException(flag + " must be 0 (off) or over 1, not " + value);
            }
            return growth;
        }

        private static int number(String flag, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
