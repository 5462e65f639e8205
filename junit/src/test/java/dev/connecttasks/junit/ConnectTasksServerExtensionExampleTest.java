package dev.connecttasks.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.testkit.support.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** The server example of docs/testing.md: one server for the class, its endpoint and an SDK client over HTTP. */
// docs/testing.md server example begins
@ExtendWith(ConnectTasksServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectTasksServerExtensionExampleTest {

    private String instance;
    private String flow;

    @BeforeAll
    void oneInstanceForTheClass(ConnectClient connect) {
        instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks")
                .type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
    }

    @Test
    void aTaskExpiresAWeekAfterItStarts(ConnectClient connect, MutableClock clock) {
        String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow)
                .name("Call back")).contactId();
        clock.advance(Duration.ofDays(7).plusSeconds(1));              // the server reads this clock
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task))
                .contact().disconnectTimestamp()).isNotNull();
    }

    @Test
    void anyHttpClientReachesTheEndpoint(ConnectTasksEndpoint endpoint) throws Exception {
        // what a Python or JavaScript client under test would be given
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(endpoint.uri() + "/contacts/" + instance + "/no-such-contact")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("X-Amzn-ErrorType")).hasValueSatisfying(
                type -> assertThat(type).startsWith("ResourceNotFoundException"));
    }

    @Test
    void refusalsArriveAsTheServiceSendsThem(ConnectClient connect) {
        assertThatThrownBy(() -> connect.describeContact(r -> r.instanceId(instance).contactId("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
// docs/testing.md server example ends
