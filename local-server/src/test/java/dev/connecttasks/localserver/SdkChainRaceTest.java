package dev.connecttasks.localserver;

import dev.connecttasks.adapter.http.SdkClients;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.http.HttpConnectServer;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;

/** Many SDK clients racing one chain: exactly 12 linked tasks, against one server and against two server processes sharing PostgreSQL. */
class SdkChainRaceTest {

    private static final int CLIENTS = 16;
    private static final int CALLS = 48;

    @Test
    void manyClientsRacingOneChainOnOneServerLinkExactlyTwelve() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:race-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(8);
        try (HikariDataSource pool = new HikariDataSource(config);
             HttpConnectServer server = HttpConnectServer.start(JdbcConnectTasks.create(pool,
                     o -> o.policy(TaskPolicy.defaults().withThrottling(false))), new InetSocketAddress("127.0.0.1", 0))) {
            race(List.of(server.endpoint()));
        }
    }

    @Test
    void twoServerProcessesOnOnePostgresActAsOneService(@TempDir Path directory) throws Exception {
        try (TestPostgres postgres = TestPostgres.schema("http_race");
             LocalServerProcess first = LocalServerProcess.start(directory, "--jdbc-url", postgres.url, "--jdbc-user", postgres.user, "--no-throttling");
             LocalServerProcess second = LocalServerProcess.start(directory, "--jdbc-url", postgres.url, "--jdbc-user", postgres.user, "--no-throttling")) {
            race(List.of(first.endpoint, second.endpoint));
        }
    }

    /** Sets up through the first endpoint, then {@value #CLIENTS} clients spread over the endpoints link {@value #CALLS} tasks to one root. */
    private static void race(List<String> endpoints) throws Exception {
        List<ConnectClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(SdkClients.connect(endpoints.get(i % endpoints.size())));
        }
        try {
            ConnectClient setup = clients.get(0);
            String instance = setup.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
            String flow = setup.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
            String root = setup.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("root")).contactId();
            ConcurrentLinkedQueue<String> linked = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<Exception> refused = new ConcurrentLinkedQueue<>();
            ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < CALLS; i++) {
                ConnectClient client = clients.get(i % CLIENTS);
                int n = i;
                calls.add(threads.submit(() -> {
                    go.await();
                    try {
                        linked.add(client.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t" + n).previousContactId(root))
                                .contactId());
                    } catch (ServiceQuotaExceededException e) {
                        refused.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertThat(linked).hasSize(12).doesNotHaveDuplicates();
            assertThat(refused).hasSize(CALLS - 12).allSatisfy(e -> assertThat(e.getMessage()).contains("12"));
            for (String endpoint : endpoints) {
                try (ConnectClient reader = SdkClients.connect(endpoint)) {
                    for (String id : linked) {
                        assertThat(reader.describeContact(r -> r.instanceId(instance).contactId(id)).contact().previousContactId()).isEqualTo(root);
                    }
                }
            }
        } finally {
            clients.forEach(ConnectClient::close);
        }
    }
}
