package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.connect.ConnectClient;

/** A server per test: a new port and an empty service each time, the last one stopped, the options reaching the service. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectTasksServerPerTestTest {

    private static final List<ConnectTasksEndpoint> SEEN = new ArrayList<>();

    @RegisterExtension
    static final ConnectTasksServerExtension SERVER = ConnectTasksServerExtension.perTest().idPrefix("p")
            .startingAt(Instant.parse("2031-02-03T04:05:06Z"));

    @Test
    @Order(1)
    void aServerOfItsOwn(ConnectTasksEndpoint endpoint, ConnectClient connect, SequentialIds ids, MutableClock clock) {
        SEEN.add(endpoint);
        assertThat(connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id()).isEqualTo("p-1");
        assertThat(ids.newId()).isEqualTo("p-2");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2031-02-03T04:05:06Z"));
    }

    @Test
    @Order(2)
    void theNextTestsServerIsNewAndTheLastOneStopped(ConnectTasksEndpoint endpoint, ConnectClient connect) {
        assertThat(endpoint.port()).isNotEqualTo(SEEN.get(0).port());
        assertThat(ServerPorts.listening(SEEN.get(0))).as("the first test's server is stopped").isFalse();
        assertThat(connect.listInstances(r -> { }).instanceSummaryList()).isEmpty();
        assertThat(SERVER.sharing()).isEqualTo(ConnectTasksServerExtension.Sharing.PER_TEST);
    }
}
