package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/** The extension's choices, registered in a field: start, id prefix, policy, a store of the user's, the async client. */
class ConnectTasksExtensionOptionsTest {

    private static final AtomicInteger SERVICES_MADE = new AtomicInteger();

    @RegisterExtension
    static final ConnectTasksExtension CONNECT = ConnectTasksExtension.withService((clock, ids, policy) -> {
        SERVICES_MADE.incrementAndGet();
        return ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy));
    }).startingAt(Instant.parse("2030-05-06T07:08:09Z")).idPrefix("t");

    private ConnectTasksService fromBeforeEach;
    private int madeBefore;

    @BeforeEach
    void handedTheSameServiceAsTheTest(ConnectTasksService service) {
        fromBeforeEach = service;
        madeBefore = SERVICES_MADE.get();
    }

    @Test
    void everyParameterOfOneTestSharesOneService(ConnectTasksService service, MutableClock clock, SequentialIds ids, ConnectClient connect,
                                                 ConnectAsyncClient async) {
        assertThat(service).isSameAs(fromBeforeEach);
        assertThat(SERVICES_MADE.get()).as("no second service for the test's own parameters").isEqualTo(madeBefore);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-05-06T07:08:09Z"));
        String instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        assertThat(instance).isEqualTo("t-1");
        assertThat(ids.newId()).as("the service's own id source").isEqualTo("t-2");
        assertThat(async.describeInstance(r -> r.instanceId(instance)).join().instance().id()).isEqualTo(instance);
    }
}
