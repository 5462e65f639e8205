package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.testkit.support.Race;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults under load: database sessions killed at random while three services on their own pools
 * run linked starts, client-token retries and attribute updates; and (only when asked, see
 * {@link #RESTARTS}) the database server restarted while they run. Every call must answer with a value, a rule's refusal or {@code InternalServiceException};
 * afterwards the limits hold, the client's counters agree with the rows, and the services work again
 * without being rebuilt.
 */
class JdbcFaultProperties {

    /** The switch for the tests that restart or stop a database server. */
    static final String RESTARTS = "CONNECT_TASKS_RESTART_DATABASES";

    private static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void sessionsKilledUnderLoadLeaveEveryInvariantStanding(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = TestDatabase.shared(kind);
        SharedDatabaseServices s = SharedDatabaseServices.on(database, TaskPolicy.defaults());
        AtomicBoolean loadRunning = new AtomicBoolean(true);
        AtomicInteger killed = new AtomicInteger();
        Thread killer = new Thread(() -> {
            while (loadRunning.get()) {
                pause(20, 120);
                killed.addAndGet(killSessions(database));
            }
        }, "session-killer");
        killer.start();
        MixedLoad load;
        try {
            load = MixedLoad.run(s, THREADS, 600);
        } finally {
            loadRunning.set(false);
            killer.join();
        }
        assertThat(killed.get()).as("sessions killed during the load").isPositive();
        System.out.printf("[faults] %s: %d sessions killed; %d of %d calls failed with InternalServiceException%n",
                kind, killed.get(), load.internalFailures(), load.calls());
        load.assertInvariants();
        load.assertServicesWorkAgain();
    }

    /**
     * Restarts the database server itself, so it runs only when {@value #RESTARTS} is {@code yes}
     * ({@code .ci/run} sets it): a plain {@code mvn verify} on a user's machine must never restart
     * database servers it did not start.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    @EnabledIfEnvironmentVariable(named = RESTARTS, matches = "yes")
    void databaseRestartedUnderLoadAndTheServicesRecover(TestDatabase.Kind kind) throws Exception {
        TestDatabase database = TestDatabase.shared(kind);
        SharedDatabaseServices s = SharedDatabaseServices.on(database, TaskPolicy.defaults());
        AtomicLong restartedAt = new AtomicLong();
        Thread restarter = new Thread(() -> {
            pause(300, 301);
            restart(kind);
            restartedAt.set(System.nanoTime());
        }, "postgres-restart");
        restarter.start();
        MixedLoad load;
        long loadEndedAt;
        try {
            load = MixedLoad.run(s, THREADS, 10_000);
            loadEndedAt = System.nanoTime();
        } finally {
            restarter.join();
        }
        System.out.printf("[faults] %s restarted under load: %d of %d calls failed with InternalServiceException%n",
                kind, load.internalFailures(), load.calls());
        assertThat(restartedAt.get()).as("the restart finished while the load still ran").isPositive().isLessThan(loadEndedAt);
        load.assertInvariants();
        load.assertServicesWorkAgain();
    }

    /** Kills every session of this test database except the admin connection doing the killing. */
    private static int killSessions(TestDatabase database) {
        try {
            return database.withAdminConnection(connection -> {
                List<String> kills = new ArrayList<>();
                try (Statement statement = connection.createStatement()) {
                    if (database.kind == TestDatabase.Kind.POSTGRESQL) {
                        try (ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE application_name = '" + database.name
                                + "' AND pid <> pg_backend_pid()")) {
                            while (rows.next()) {
                                kills.add("SELECT pg_terminate_backend(" + rows.getLong(1) + ")");
                            }
                        }
                    } else {
                        try (ResultSet rows = statement.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + database.name
                                + "' AND id <> CONNECTION_ID()")) {
                            while (rows.next()) {
                                kills.add("KILL " + rows.getLong(1));
                            }
                        }
                    }
                    // Kill a random part, so that some transactions run on while others die mid-way.
                    int done = 0;
                    for (String kill : kills) {
                        if (ThreadLocalRandom.current().nextBoolean()) {
                            try {
                                statement.execute(kill);
                                done++;
                            } catch (java.sql.SQLException gone) {
                                // The session ended by itself in the meantime.
                            }
                        }
                    }
                    return done;
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("killing sessions", e);
        }
    }

    /** Stops the server and starts it again with the commands this machine's services were started with. */
    private static void restart(TestDatabase.Kind kind) {
        if (!"yes".equals(System.getenv(RESTARTS))) {
            throw new IllegalStateException("restarting a database server needs " + RESTARTS + "=yes");
        }
        if (kind == TestDatabase.Kind.POSTGRESQL) {
            String version = run("ls", "/etc/postgresql").trim();
            run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart");
        } else {
            run("mariadb-admin", "-uroot", "shutdown");
            run("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd");
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (runQuietly("mariadb-admin", "-uroot", "ping") != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("MariaDB did not come back within 60 s");
                }
                pause(100, 101);
            }
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int runQuietly(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause(int fromMillis, int toMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(fromMillis, toMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A mix of linked starts on four chains, starts with eight client tokens and attribute updates
     * with unique keys; it remembers what each call answered.
     */
    private record MixedLoad(SharedDatabaseServices s, List<String> roots, List<Object> results, int calls) {

        private static final int CHAINS = 4;
        private static final int TOKENS = 8;

        static MixedLoad run(SharedDatabaseServices s, int threads, int calls) {
            List<String> roots = new ArrayList<>();
            for (int i = 0; i < CHAINS; i++) {
                roots.add(startWithRetry(s, i));
            }
            List<Object> results = Race.run(threads, calls, 180, i -> () -> switch (i % 3) {
                case 0 -> "linked:" + s.start(i, s.task().previousContactId(roots.get(i % CHAINS)).attributes(Map.of("k" + i, "v" + i)));
                case 1 -> "token:" + (i % TOKENS) + ":" + s.start(i, s.task().clientToken("token-" + (i % TOKENS)));
                default -> {
                    s.service(i).updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance())
                            .initialContactId(roots.get(i % CHAINS)).attributes(Map.of("u" + i, "w" + i)).build());
                    yield "updated:" + (i % CHAINS) + ":u" + i;
                }
            });
            return new MixedLoad(s, roots, results, calls);
        }

        private static String startWithRetry(SharedDatabaseServices s, int call) {
            return s.start(call, s.task());
        }

        long internalFailures() {
            return Race.refusals(results).stream().filter(InternalServiceException.class::isInstance).count();
        }

        void assertInvariants() {
            for (ConnectException refusal : Race.refusals(results)) {
                assertThat(refusal).as("a refusal is a rule's or an internal failure")
                        .satisfiesAnyOf(r -> assertThat(r).isInstanceOf(InternalServiceException.class),
                                r -> assertThat(r.reason()).isEqualTo(Reason.LINKED_TASKS));
            }
            List<String> successes = Race.successes(results).stream().map(String.class::cast).toList();
            DatabaseRows rows = s.rows();
            long unknown = internalFailures();
            for (int chain = 0; chain < CHAINS; chain++) {
                String root = roots.get(chain);
                long linkedOk = successes.stream().filter(r -> r.startsWith("linked:")).map(r -> r.substring(7))
                        .filter(id -> root.equals(previousOf(id))).count();
                int linkedRows = rows.linkedTo(root);
                assertThat(linkedRows).as("chain %d: at most 12 linked rows", chain).isLessThanOrEqualTo(12);
                assertThat((long) linkedRows).as("chain %d: every acknowledged link is a row", chain).isBetween(linkedOk, linkedOk + unknown);
                Map<String, String> attributes = rows.scopeAttributes(root);
                int chainNumber = chain;
                successes.stream().filter(r -> r.startsWith("updated:" + chainNumber + ":"))
                        .forEach(r -> assertThat(attributes).as("acknowledged update %s is stored", r).containsKey(r.substring(r.lastIndexOf(':') + 1)));
            }
            for (int token = 0; token < TOKENS; token++) {
                String prefix = "token:" + token + ":";
                List<String> ids = successes.stream().filter(r -> r.startsWith(prefix)).map(r -> r.substring(prefix.length())).distinct().toList();
                assertThat(ids).as("token %d gives one contact to every caller", token).hasSizeLessThanOrEqualTo(1);
            }
            assertThat(rows.clientTokens()).as("one row per token used").isLessThanOrEqualTo(TOKENS);
            int tokenContacts = rows.contactsWithAClientToken();
            assertThat(tokenContacts).as("one contact per token").isEqualTo(rows.clientTokens());
            assertThat(rows.contactsWithoutTheirInitialContact()).as("contacts whose chain's initial contact is missing").isZero();
            long startsOk = successes.stream().filter(r -> r.startsWith("linked:")).count()
                    + successes.stream().filter(r -> r.startsWith("token:")).map(r -> r.substring(0, r.indexOf(':', 6))).distinct().count();
            assertThat((long) rows.contacts()).as("contact rows against acknowledged starts").isBetween(CHAINS + startsOk, CHAINS + startsOk + unknown);
        }

        private String previousOf(String contactId) {
            return s.rows().previousContactId(contactId);
        }

        void assertServicesWorkAgain() {
            for (int call = 0; call < SharedDatabaseServices.PROCESSES; call++) {
                int service = call;
                String id = eventually(() -> s.start(service, s.task()));
                assertThat(s.rows().previousContactId(id)).isNull();
            }
        }

        private static String eventually(java.util.function.Supplier<String> call) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (true) {
                try {
                    return call.get();
                } catch (InternalServiceException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    pause(200, 201);
                }
            }
        }
    }
}
