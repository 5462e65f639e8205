package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.adapter.http.SdkClients;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/**
 * Crash consistency of the local server on its default store: load against the server in its own
 * process (linked starts with ClientTokens, token retries, attribute updates), the server killed with
 * SIGKILL several times and started again on the same data: on the default H2 file, and with two
 * server processes sharing one PostgreSQL database, both killed. Every call it answered must still be
 * there: each acknowledged contact, each acknowledged attribute update (or a later one whose answer
 * was lost), each ClientToken (its retry answers the same ContactId); and after the restarts every
 * instance's open-task counter must equal its rows. What the killed processes' files held is printed.
 */
class LocalServerCrashTest {

    private static final int CLIENTS = 8;
    private static final int KILLS = 3;

    @Test
    void everyAnsweredWriteSurvivesSigkillOnTheDefaultH2File(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("data").resolve("connect-tasks");
        crashAndVerify(directory, 1, new String[] {"--no-throttling"}, () -> DriverManager.getConnection(url, "", ""));
    }

    @Test
    void everyAnsweredWriteSurvivesSigkillOfTwoServersOnOnePostgres(@TempDir Path directory) throws Exception {
        try (TestPostgres postgres = TestPostgres.schema("crash")) {
            crashAndVerify(directory, 2, new String[] {"--jdbc-url", postgres.url, "--jdbc-user", postgres.user, "--no-throttling"},
                    postgres::connect);
        }
    }

    /** Where the counters are read from with every server gone. */
    private interface Database {
        Connection connect() throws SQLException;
    }

    /** {@value #KILLS} rounds of load, each ended by SIGKILL of every server, then a last check on a clean start. */
    private static void crashAndVerify(Path directory, int serverCount, String[] flags, Database database) throws Exception {
        List<Client> clients = new ArrayList<>();
        List<String> afterKill = new ArrayList<>();
        List<String> afterCleanStop = new ArrayList<>();
        for (int round = 0; round <= KILLS; round++) {
            List<LocalServerProcess> servers = new ArrayList<>();
            try {
                for (int s = 0; s < serverCount; s++) {
                    servers.add(LocalServerProcess.start(directory, flags));
                }
                if (round == 0) {
                    try (ConnectClient setup = SdkClients.connect(servers.get(0).endpoint)) {
                        String instance = setup.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
                        String flow = setup.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW)
                                .content("{}")).contactFlowId();
                        for (int c = 0; c < CLIENTS; c++) {
                            clients.add(new Client(c, instance, flow, setup));
                        }
                    }
                }
                for (Client client : clients) {
                    client.verify(servers.get(client.number % serverCount).endpoint);
                }
                if (round < KILLS) {
                    load(servers, clients);
                }
            } finally {
                for (LocalServerProcess server : servers) {
                    server.close();
                }
            }
            (round < KILLS ? afterKill : afterCleanStop).addAll(counterDrift(database));
        }
        // H2 has left a killed process's file with a contact row whose counter update is missing (one in a few
        // dozen kills); the next start repairs every such counter before it serves (JdbcSchema.open).
        System.out.println("[crash] counters that differed from their rows in the files the killed servers left: " + afterKill);
        assertThat(afterCleanStop).as("counters that differ from their rows after the restarts and a clean stop").isEmpty();
        assertThat(clients.stream().mapToInt(c -> c.acknowledged.size()).sum()).as("contacts acknowledged across the kills").isGreaterThan(50);
    }

    /** The clients, spread over the servers, run until every server is killed at a random moment under their load. */
    private static void load(List<LocalServerProcess> servers, List<Client> clients) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        List<Future<?>> calls = new ArrayList<>();
        for (Client client : clients) {
            String endpoint = servers.get(client.number % servers.size()).endpoint;
            calls.add(threads.submit(() -> {
                try (ConnectClient connect = SdkClients.connect(endpoint)) {
                    while (running.get()) {
                        client.next(connect);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(700, 1_500));
        for (LocalServerProcess server : servers) {
            server.kill();
        }
        running.set(false);
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        threads.shutdown();
    }

    /** Open-task shards whose count differs from the rows they count, read from the file with the server gone. */
    private static List<String> counterDrift(Database database) throws Exception {
        List<String> drifted = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT s.instance_id, s.shard, s.open_count, (SELECT COUNT(*) FROM ct_contact c "
                     + "WHERE c.instance_id = s.instance_id AND c.open_shard = s.shard AND c.open_until_ns > s.counted_until_ns) "
                     + "FROM ct_open_shard s")) {
            while (rows.next()) {
                if (rows.getLong(3) != rows.getLong(4)) {
                    drifted.add(rows.getString(1) + " shard " + rows.getInt(2) + ": counter " + rows.getLong(3) + ", rows " + rows.getLong(4));
                }
            }
        }
        return drifted;
    }

    /** One client's own chain and attribute scope, and what the server acknowledged to it. */
    private static final class Client {
        private final int number;
        private final String instance;
        private final String flow;
        private final String root;
        private final Map<String, String> acknowledged = new HashMap<>();   // ClientToken -> ContactId
        private final Map<String, StartTaskContactRequest> requests = new HashMap<>();
        private final Map<String, String> attributes = new HashMap<>();     // last acknowledged value per key
        private final Map<String, Set<String>> unknown = new HashMap<>();   // values sent after it, answer lost
        private final ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
        private String last;
        private int call;

        Client(int number, String instance, String flow, ConnectClient setup) {
            this.number = number;
            this.instance = instance;
            this.flow = flow;
            this.root = setup.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("root " + number)).contactId();
            this.last = root;
        }

        void next(ConnectClient connect) {
            int n = call++;
            try {
                switch (n % 3) {
                    case 0 -> {
                        String token = "c" + number + "-" + n;
                        StartTaskContactRequest request = StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow)
                                .name("t" + n).previousContactId(last).clientToken(token).build();
                        String id = connect.startTaskContact(request).contactId();
                        acknowledged.put(token, id);
                        requests.put(token, request);
                        last = id;
                    }
                    case 1 -> {
                        String key = "k" + (n % 5);
                        String value = "v" + n;
                        unknown.computeIfAbsent(key, k -> new HashSet<>()).add(value);
                        connect.updateContactAttributes(r -> r.instanceId(instance).initialContactId(root).attributes(Map.of(key, value)));
                        attributes.put(key, value);
                        unknown.remove(key);
                    }
                    default -> {
                        if (!requests.isEmpty()) {
                            String token = requests.keySet().iterator().next();
                            String again = connect.startTaskContact(requests.get(token)).contactId();
                            if (!again.equals(acknowledged.get(token))) {
                                mismatches.add(token + " answered " + again + " after " + acknowledged.get(token));
                            }
                        }
                    }
                }
            } catch (SdkClientException lost) {
                // The server died with the call under way: its outcome is unknown, and nothing is recorded as acknowledged.
            }
        }

        void verify(String endpoint) {
            assertThat(mismatches).as("ClientToken retries answered with another ContactId").isEmpty();
            try (ConnectClient connect = SdkClients.connect(endpoint)) {
                for (Map.Entry<String, String> token : acknowledged.entrySet()) {
                    assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(token.getValue())).contact().id())
                            .as("acknowledged contact %s", token.getValue()).isEqualTo(token.getValue());
                    assertThat(connect.startTaskContact(requests.get(token.getKey())).contactId())
                            .as("ClientToken %s retried after a crash", token.getKey()).isEqualTo(token.getValue());
                }
                Map<String, String> stored = connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(root)).attributes();
                for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                    Set<String> allowed = new HashSet<>(unknown.getOrDefault(attribute.getKey(), Set.of()));
                    allowed.add(attribute.getValue());
                    assertThat(stored.get(attribute.getKey())).as("attribute %s acknowledged as %s", attribute.getKey(), attribute.getValue())
                            .isIn(allowed);
                }
            }
        }
    }
}
