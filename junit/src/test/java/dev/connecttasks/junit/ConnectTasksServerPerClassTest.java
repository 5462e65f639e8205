package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/** One server per class: every test sees the same endpoint and service, up until the class ends. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectTasksServerPerClassTest {

    private static final List<ConnectTasksEndpoint> SEEN = new ArrayList<>();
    private static final List<ConnectTasksService> SERVICES = new ArrayList<>();

    @RegisterExtension
    static final ConnectTasksServerExtension SERVER = ConnectTasksServerExtension.perClass();

    @Test
    @Order(1)
    void createsAnInstance(ConnectTasksEndpoint endpoint, ConnectClient connect, ConnectTasksService service) {
        SEEN.add(endpoint);
        SERVICES.add(service);
        connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true));
    }

    @Test
    @Order(2)
    void theNextTestSeesTheSameServer(ConnectTasksEndpoint endpoint, ConnectAsyncClient async, ConnectTasksService service) {
        assertThat(endpoint).isEqualTo(SEEN.get(0));
        assertThat(service).isSameAs(SERVICES.get(0));
        assertThat(async.listInstances(r -> { }).join().instanceSummaryList()).hasSize(1);
        assertThat(SERVER.sharing()).isEqualTo(ConnectTasksServerExtension.Sharing.PER_CLASS);
    }

    @AfterAll
    static void stillUpUntilTheClassEnds() {
        assertThat(ServerPorts.listening(SEEN.get(0))).isTrue();
    }
}
