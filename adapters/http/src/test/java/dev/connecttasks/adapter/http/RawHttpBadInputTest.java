package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.testkit.support.SequentialIds;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over raw HTTP: each gets a 4xx with a message naming what is wrong, within a time
 * limit (no hung connection), and changes nothing: the next successful start receives the id the
 * refused one would have used, and the instance holds only that contact.
 */
class RawHttpBadInputTest {

    private ConnectTasksService service;
    private HttpConnectServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String instance;
    private String flow;

    @BeforeEach
    void start() throws Exception {
        service = ConnectTasks.inMemory(o -> o.ids(new SequentialIds("id")).policy(TaskPolicy.defaults().withThrottling(false)));
        instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build()).contactFlowId();
        server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static java.util.stream.Stream<Arguments> badRequests() {
        String valid = "{\"InstanceId\":\"%s\",\"ContactFlowId\":\"%s\",\"Name\":\"t\"";
        return java.util.stream.Stream.of(
                Arguments.of("unknown path", "PUT", "/contact/tasks", bytes(valid + "}"), 404, "UnknownOperationException", "No operation at PUT /contact/tasks"),
                Arguments.of("wrong method", "DELETE", "/contact/task", bytes(valid + "}"), 404, "UnknownOperationException", "No operation at DELETE"),
                Arguments.of("malformed JSON", "PUT", "/contact/task", bytes(valid + ","), 400, "SerializationException", "not valid JSON"),
                Arguments.of("duplicate member", "PUT", "/contact/task", bytes(valid + ",\"Name\":\"u\"}"), 400, "SerializationException", "Duplicate field 'Name'"),
                Arguments.of("a body that is not an object", "PUT", "/contact/task", bytes("[1,2]"), 400, "SerializationException", "must be a JSON object"),
                Arguments.of("Name as a number", "PUT", "/contact/task", bytes("{\"InstanceId\":\"%s\",\"ContactFlowId\":\"%s\",\"Name\":7}"), 400,
                        "SerializationException", "Name must be a string"),
                Arguments.of("Attributes as a list", "PUT", "/contact/task", bytes(valid + ",\"Attributes\":[\"a\"]}"), 400, "SerializationException",
                        "Attributes must be an object"),
                Arguments.of("an attribute value as a number", "PUT", "/contact/task", bytes(valid + ",\"Attributes\":{\"a\":1}}"), 400,
                        "SerializationException", "Attributes.a must be a string"),
                Arguments.of("ScheduledTime as a string", "PUT", "/contact/task", bytes(valid + ",\"ScheduledTime\":\"tomorrow\"}"), 400,
                        "SerializationException", "ScheduledTime must be a timestamp"),
                Arguments.of("ScheduledTime beyond a double's range", "PUT", "/contact/task", bytes(valid + ",\"ScheduledTime\":1e400}"), 400,
                        "SerializationException", "ScheduledTime is out of the range of timestamps"),
                Arguments.of("ScheduledTime below a double's range", "PUT", "/contact/task", bytes(valid + ",\"ScheduledTime\":-1e400}"), 400,
                        "SerializationException", "ScheduledTime is out of the range of timestamps"),
                Arguments.of("a reschedule beyond a double's range", "POST", "/contact/schedule",
                        bytes("{\"InstanceId\":\"%s\",\"ContactId\":\"c\",\"ScheduledTime\":1e400}"), 400,
                        "SerializationException", "ScheduledTime is out of the range of timestamps"),
                Arguments.of("a body of 349,000 empty objects", "PUT", "/contact/task", bytes("{\"Attributes\":[" + "{},".repeat(349_000) + "{}]}"),
                        400, "SerializationException", "more than 100000 JSON tokens"),
                Arguments.of("objects nested 40 deep", "PUT", "/contact/task", bytes("{\"a\":".repeat(40) + "1" + "}".repeat(40)), 400,
                        "SerializationException", "levels of nesting"),
                Arguments.of("invalid UTF-8", "PUT", "/contact/task", invalidUtf8(), 400, "SerializationException", "not valid UTF-8"),
                Arguments.of("a body over 1 MiB", "PUT", "/contact/task", oversized(), 413, "RequestEntityTooLargeException", "larger than 1048576 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsAClearFourHundredAndChangesNothing(String what, String method, String path, byte[] template, int status, String errorType,
                                                         String message) throws Exception {
        byte[] body = new String(template, StandardCharsets.ISO_8859_1).replaceFirst("%s", instance).replaceFirst("%s", flow)
                .getBytes(StandardCharsets.ISO_8859_1);
        HttpResponse<String> response = send(method, path, body);
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue(errorType);
        JsonNode json = Wire.JSON.readTree(response.body());
        assertThat(json.get("Message").asText()).contains(message);

        HttpResponse<String> next = send("PUT", "/contact/task",
                ("{\"InstanceId\":\"" + instance + "\",\"ContactFlowId\":\"" + flow + "\",\"Name\":\"ok\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(Wire.JSON.readTree(next.body()).get("ContactId").asText()).as("no id was consumed by the refused request").isEqualTo("id-3");
    }

    @org.junit.jupiter.api.Test
    void theParsingLimitsLeaveRoomForTheLargestAttributesTheRulesAllow() throws Exception {
        StringBuilder attributes = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        int count = 0;
        for (int i = 0; i < alphabet.length() && count < 10_000; i++) {
            for (int j = 0; j < alphabet.length() && count < 10_000; j++) {
                for (int k = 0; k < alphabet.length() && count < 10_000; k++, count++) {
                    attributes.append(count == 0 ? "" : ",").append('"').append(alphabet.charAt(i)).append(alphabet.charAt(j))
                            .append(alphabet.charAt(k)).append("\":\"\"");
                }
            }
        }
        HttpResponse<String> response = send("PUT", "/contact/task", ("{\"InstanceId\":\"" + instance + "\",\"ContactFlowId\":\"" + flow
                + "\",\"Name\":\"many\",\"Attributes\":{" + attributes + "}}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("10,000 attributes of 30,000 bytes: %s", response.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + path)).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/x-amz-json-1.1").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] invalidUtf8() {
        byte[] head = bytes("{\"InstanceId\":\"%s\",\"ContactFlowId\":\"%s\",\"Name\":\"");
        byte[] body = java.util.Arrays.copyOf(head, head.length + 4);
        body[head.length] = (byte) 0xff;
        body[head.length + 1] = (byte) 0xfe;
        body[head.length + 2] = '"';
        body[head.length + 3] = '}';
        return body;
    }

    private static byte[] oversized() {
        String padding = "x".repeat(HttpConnectServer.MAX_BODY_BYTES);
        return bytes("{\"InstanceId\":\"%s\",\"ContactFlowId\":\"%s\",\"Name\":\"t\",\"Description\":\"" + padding + "\"}");
    }
}
