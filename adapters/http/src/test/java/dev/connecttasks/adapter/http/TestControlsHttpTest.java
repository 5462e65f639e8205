package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.ForwardClock;
import dev.connecttasks.application.TestControls;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** {@code /_connect-tasks/}: the test controls over the wire, their refusals, and their absence unless asked for. */
class TestControlsHttpTest {

    private static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpConnectServer server;
    private ConnectClient connect;
    private String instance;
    private String flow;

    @BeforeEach
    void start() throws Exception {
        ForwardClock clock = new ForwardClock(Clock.fixed(T0, ZoneOffset.UTC));
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(clock));
        server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0), o -> o.testControls(TestControls.over(service, clock)));
        connect = SdkClients.connect(server.endpoint());
        instance = connect.createInstance(r -> r.identityManagementType("CONNECT_MANAGED").inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks").type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
    }

    @AfterEach
    void stop() {
        connect.close();
        server.close();
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.endpoint() + path));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Wire.JSON.readTree(response.body());
    }

    @Test
    void theClockIsReadSetAndAdvancedInEpochSeconds() throws Exception {
        assertThat(json(call("GET", "/_connect-tasks/clock", null)).get("Now").decimalValue()).isEqualByComparingTo("1780308000");
        assertThat(json(call("POST", "/_connect-tasks/clock", "{\"Now\": 1780308060.5}")).get("Now").decimalValue())
                .isEqualByComparingTo("1780308060.5");
        assertThat(json(call("POST", "/_connect-tasks/clock", "{\"AdvanceSeconds\": 3600}")).get("Now").decimalValue())
                .isEqualByComparingTo("1780311660.5");
        assertThat(json(call("POST", "/_connect-tasks/clock", "{}")).get("Now").decimalValue()).isEqualByComparingTo("1780311660.5");
    }

    @Test
    void aTaskExpiresWhenTheClockPassesItsExpiry() throws Exception {
        String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).contactId();
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().disconnectTimestamp()).isNull();
        call("POST", "/_connect-tasks/clock", "{\"AdvanceSeconds\": 604801}");
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().disconnectTimestamp()).isNotNull();
    }

    @Test
    void badClockBodiesAre400sThatNameTheMemberAndMoveNothing() throws Exception {
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"Now\": 1000}"), "InvalidParameterException", "Now");
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"AdvanceSeconds\": -1}"), "InvalidParameterException", "AdvanceSeconds");
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"Now\": 1780308060, \"AdvanceSeconds\": 1}"), "SerializationException",
                "AdvanceSeconds");
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"Nwo\": 1780308060}"), "SerializationException", "Nwo");
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"Now\": \"tomorrow\"}"), "SerializationException", "Now");
        assertRefused(call("POST", "/_connect-tasks/clock", "{\"Now\": 1e400}"), "SerializationException", "Now");
        assertThat(json(call("GET", "/_connect-tasks/clock", null)).get("Now").decimalValue()).isEqualByComparingTo("1780308000");
    }

    @Test
    void aSeededInboundCallTakesALinkedTask() throws Exception {
        HttpResponse<String> seeded = call("POST", "/_connect-tasks/contacts",
                "{\"InstanceId\": \"" + instance + "\", \"Channel\": \"VOICE\", \"Attributes\": {\"caller\": \"+441632960000\"}}");
        assertThat(seeded.statusCode()).isEqualTo(200);
        String call = json(seeded).get("ContactId").textValue();
        var described = connect.describeContact(r -> r.instanceId(instance).contactId(call)).contact();
        assertThat(described.channelAsString()).isEqualTo("VOICE");
        assertThat(described.initiationMethodAsString()).isEqualTo("INBOUND");
        String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("Voicemail").previousContactId(call)).contactId();
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(task)).attributes())
                .containsEntry("caller", "+441632960000");
    }

    @Test
    void badSeedsAre400sThatNameTheMemberAndCreateNothing() throws Exception {
        assertRefused(call("POST", "/_connect-tasks/contacts", "{\"InstanceId\": \"" + instance + "\", \"Channel\": \"TASK\"}"),
                "InvalidParameterException", "Channel");
        assertRefused(call("POST", "/_connect-tasks/contacts", "{\"InstanceId\": \"" + instance + "\"}"), "InvalidParameterException", "Channel");
        assertRefused(call("POST", "/_connect-tasks/contacts", "{\"InstanceId\": \"" + instance + "\", \"Channel\": \"VOICE\", \"Attributes\": {\"a\": 1}}"),
                "SerializationException", "Attributes.a");
        assertRefused(call("POST", "/_connect-tasks/contacts", "{\"InstanceId\": \"" + instance + "\", \"Channel\": \"VOICE\", \"Queue\": \"q\"}"),
                "SerializationException", "Queue");
        assertThat(connect.searchContacts(r -> r.instanceId(instance).timeRange(t -> t.type("INITIATION_TIMESTAMP")
                .startTime(T0.minusSeconds(60)).endTime(T0.plusSeconds(60)))).totalCount()).isZero();
    }

    @Test
    void resetEmptiesTheInstanceNamedOrEveryOne() throws Exception {
        String task = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).contactId();
        assertRefused(call("POST", "/_connect-tasks/reset", "{\"InstanceId\": \"nope\"}"), "ResourceNotFoundException", "nope");
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().id()).isEqualTo(task);

        assertThat(call("POST", "/_connect-tasks/reset", "{\"InstanceId\": \"" + instance + "\"}").statusCode()).isEqualTo(200);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connect.describeContact(r -> r.instanceId(instance).contactId(task))))
                .isInstanceOf(ResourceNotFoundException.class);
        String next = connect.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("t")).contactId();
        assertThat(call("POST", "/_connect-tasks/reset", null).statusCode()).as("no body: every instance").isEqualTo(200);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connect.describeContact(r -> r.instanceId(instance).contactId(next))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(flow)).contactFlow().id()).isEqualTo(flow);
    }

    @Test
    void withoutTheOptionThePathsAreUnknown() throws Exception {
        try (HttpConnectServer plain = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0))) {
            for (String path : new String[] {"/_connect-tasks/reset", "/_connect-tasks/clock", "/_connect-tasks/contacts"}) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(plain.endpoint() + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(404);
                assertThat(answer.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
            }
        }
    }

    private static void assertRefused(HttpResponse<String> answer, String errorType, String named) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isIn(400, 404);
        assertThat(answer.headers().firstValue("X-Amzn-ErrorType").orElse("")).startsWith(errorType);
        assertThat(json(answer).get("Message").textValue()).contains(named);
    }
}
