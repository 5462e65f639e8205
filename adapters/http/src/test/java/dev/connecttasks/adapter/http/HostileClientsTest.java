package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.support.SequentialIds;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * Clients that are slow, stalled or speak broken HTTP: none of them keeps anyone else from being
 * served, each gets an answer in the Connect error format (or a closed connection when it stops
 * talking), and none changes anything. The server runs with 4 workers, so that 72 stalled
 * connections would starve it if a stalled request held a worker.
 */
class HostileClientsTest {

    private static final int WORKERS = 4;
    private static final Duration BODY_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(3);

    private ConnectTasksService service;
    private HttpConnectServer server;
    private ConnectClient sdk;
    private String instance;
    private String flow;
    private final List<RawConnection> connections = new ArrayList<>();
    private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() throws Exception {
        service = ConnectTasks.inMemory(o -> o.ids(new SequentialIds("id")).policy(TaskPolicy.defaults().withThrottling(false)));
        instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build()).contactFlowId();
        server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0),
                o -> o.workers(WORKERS).bodyTimeout(BODY_TIMEOUT).idleTimeout(IDLE_TIMEOUT)
                        .extraOperation("POST", "/slow", "Slow", members -> {
                            sleep(Duration.ofMillis(700));
                            return Map.of("Done", "yes");
                        }));
        // a bound on each call, so that a starved server fails the test instead of hanging it
        sdk = ConnectClient.builder().endpointOverride(URI.create(server.endpoint())).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local-secret")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(Duration.ofSeconds(5)))
                .build();
    }

    @AfterEach
    void stop() throws IOException {
        trickle.shutdownNow();
        for (RawConnection connection : connections) {
            connection.close();
        }
        sdk.close();
        server.close();
    }

    @Test
    void stalledBodiesAndSlowHeadersLeaveEveryoneElseServed() throws Exception {
        List<RawConnection> stalled = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            stalled.add(open(10_000).send("PUT /contact/task HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"InstanceId\":\""));
        }
        for (int i = 0; i < 40; i++) {
            RawConnection slowloris = open(10_000).send("PUT /contact/task HTTP/1.1\r\nHost: local\r\nX-Slow: ");
            trickle.scheduleAtFixedRate(() -> sendQuietly(slowloris, "a"), 200, 200, TimeUnit.MILLISECONDS);
        }

        for (int i = 0; i < 3 * WORKERS; i++) {
            String contactId = sdk.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("served")).contactId();
            assertThat(contactId).as("no id went to a stalled request").isEqualTo("id-" + (3 + i));
        }

        for (RawConnection connection : stalled) {
            RawConnection.RawResponse response = connection.response();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.header("X-Amzn-ErrorType")).isEqualTo("RequestTimeoutException");
            assertThat(response.json().get("Message").asText()).isEqualTo("The request body did not arrive in time");
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(connection.closedByServer()).isTrue();
        }
        String next = sdk.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("after")).contactId();
        assertThat(next).as("the stalled requests created nothing").isEqualTo("id-" + (3 + 3 * WORKERS));
    }

    @Test
    void bodiesInFlightAreBoundedInMemoryAndTheBoundIsGivenBack() throws Exception {
        try (HttpConnectServer bounded = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0),
                o -> o.bodyTimeout(BODY_TIMEOUT).bodyMemory(HttpConnectServer.MAX_BODY_BYTES))) {
            RawConnection holder = track(new RawConnection(bounded.port(), 10_000)).send("PUT /contact/task HTTP/1.1\r\nHost: local\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + HttpConnectServer.MAX_BODY_BYTES + "\r\n\r\n");
            // the server asks for the body once it has admitted it: from here on, the budget is held
            assertThat(holder.response().status()).isEqualTo(100);
            holder.send("{\"Name\":");
            String small = "PUT /contact/task HTTP/1.1\r\nHost: local\r\nContent-Length: 2\r\n\r\n{}";
            RawConnection.RawResponse refused = track(new RawConnection(bounded.port(), 10_000)).send(small).response();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("X-Amzn-ErrorType")).isEqualTo("ServiceUnavailableException");
            assertThat(refused.json().get("Message").asText()).contains("holds 1048576 bytes of request bodies");

            assertThat(holder.response().status()).as("the held body times out").isEqualTo(408);
            RawConnection.RawResponse admitted = track(new RawConnection(bounded.port(), 10_000)).send(small).response();
            assertThat(admitted.status()).as("its share was given back: %s", admitted.body()).isEqualTo(400);
            assertThat(admitted.header("X-Amzn-ErrorType")).isEqualTo("InvalidParameterException");
        }
    }

    @Test
    void aConnectionThatStopsTalkingInItsHeadersIsClosed() throws Exception {
        RawConnection silent = open((int) IDLE_TIMEOUT.multipliedBy(3).toMillis()).send("PUT /contact/task HTTP/1.1\r\nHost: local\r\nX-Half");
        assertThat(silent.closedByServer()).as("closed after the idle timeout").isTrue();
    }

    @Test
    void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
        CompletableFuture<RawConnection.RawResponse> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return open(10_000).send("POST /slow HTTP/1.1\r\nHost: local\r\nContent-Length: 2\r\n\r\n{}").response();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        sleep(Duration.ofMillis(200));
        server.close();
        RawConnection.RawResponse response = slow.get(10, TimeUnit.SECONDS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("Done").asText()).isEqualTo("yes");
    }

    @Test
    void aRequestNotYetReadWhenTheServerStopsIsLeftUnansweredAndUndone() throws Exception {
        // the start waits behind the slow call on one connection, so the server reaches it only while it stops
        String start = "{\"InstanceId\":\"" + instance + "\",\"ContactFlowId\":\"" + flow + "\",\"Name\":\"late\"}";
        RawConnection pipelined = open(10_000).send("POST /slow HTTP/1.1\r\nHost: local\r\nContent-Length: 2\r\n\r\n{}"
                + "PUT /contact/task HTTP/1.1\r\nHost: local\r\nContent-Length: " + start.length() + "\r\n\r\n" + start);
        sleep(Duration.ofMillis(200));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);

        RawConnection.RawResponse first = pipelined.response();
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Connection")).as("the server tells the client it closes").isEqualTo("close");
        assertThat(pipelined.closedByServer()).as("the start behind it gets no answer: the client may retry it elsewhere").isTrue();
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance)
                .contactFlowId(flow).name("direct").build()).contactId()).as("the unanswered start did nothing").isEqualTo("id-3");
    }

    static Stream<Arguments> brokenHttp() {
        String start = "PUT /contact/task HTTP/1.1\r\nHost: local\r\nContent-Type: application/json\r\n";
        return Stream.of(
                Arguments.of("a Content-Length that is not a number", start + "Content-Length: ten\r\n\r\n{}", 400, "InvalidRequestException"),
                Arguments.of("two Content-Lengths that disagree", start + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}", 400,
                        "InvalidRequestException"),
                Arguments.of("Content-Length beside chunked", start + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        400, "InvalidRequestException"),
                Arguments.of("a chunk size that is not hexadecimal", start + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400,
                        "InvalidRequestException"),
                Arguments.of("a chunked body over 1 MiB", start + "Transfer-Encoding: chunked\r\n\r\n" + "100000\r\n" + "x".repeat(0x100000)
                        + "\r\n10\r\n" + "x".repeat(16) + "\r\n0\r\n\r\n", 413, "RequestEntityTooLargeException"),
                Arguments.of("a control character in the URI", "GET /instance/a\u0001b HTTP/1.1\r\nHost: local\r\n\r\n", 400, "InvalidRequestException"),
                Arguments.of("a URI that is not a path", "GET instance HTTP/1.1\r\nHost: local\r\n\r\n", 400, "InvalidRequestException"),
                Arguments.of("an unknown HTTP version", "GET /instance HTTP/7.1\r\nHost: local\r\n\r\n", 505, "HttpVersionNotSupportedException"),
                Arguments.of("no Host header", "GET /instance HTTP/1.1\r\n\r\n", 400, "InvalidRequestException"),
                Arguments.of("one header of 20 KiB", "GET /instance HTTP/1.1\r\nHost: local\r\nX-Big: " + "x".repeat(20 * 1024) + "\r\n\r\n", 431,
                        "RequestHeaderFieldsTooLargeException"),
                Arguments.of("one header of 384 KiB", "GET /instance HTTP/1.1\r\nHost: local\r\nX-Big: " + "x".repeat(384 * 1024) + "\r\n\r\n",
                        431, "RequestHeaderFieldsTooLargeException"),
                Arguments.of("1,000 headers", "GET /instance HTTP/1.1\r\nHost: local\r\n" + manyHeaders(1000) + "\r\n", 431,
                        "RequestHeaderFieldsTooLargeException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHttp")
    void brokenHttpIsAnsweredInTheConnectFormatAndChangesNothing(String what, String request, int status, String errorType) throws Exception {
        RawConnection connection = open(10_000);
        try {
            connection.send(request);
        } catch (IOException e) {
            // the server may answer and close before it has read all of an oversized request
        }
        RawConnection.RawResponse response = connection.response();
        assertThat(response.status()).as(what).isEqualTo(status);
        assertThat(response.header("X-Amzn-ErrorType")).as(what).isEqualTo(errorType);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("x-amzn-RequestId")).isNotBlank();
        assertThat(response.json().get("Message").asText()).as(what).isNotBlank();
        assertThat(response.header("Connection")).isEqualTo("close");

        String next = sdk.startTaskContact(r -> r.instanceId(instance).contactFlowId(flow).name("after")).contactId();
        assertThat(next).as("nothing was created or consumed").isEqualTo("id-3");
    }

    @Test
    void manySmallHeadersWithinTheLimitAreServed() throws Exception {
        RawConnection.RawResponse response = open(10_000).send("GET /instance HTTP/1.1\r\nHost: local\r\n" + manyHeaders(196) + "\r\n").response();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("InstanceSummaryList")).hasSize(1);
    }

    /** RFC 9112 lets a server read a bare LF as a line end; Jetty does, so such a request is served rather than left waiting. */
    @Test
    void bareLineFeedsAreReadAsLineEnds() throws Exception {
        RawConnection.RawResponse response = open(10_000).send("GET /instance HTTP/1.1\nHost: local\n\n").response();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("InstanceSummaryList")).hasSize(1);
    }

    private static String manyHeaders(int count) {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < count; i++) {
            headers.append("X-Header-").append(i).append(": value-").append(i).append("\r\n");
        }
        return headers.toString();
    }

    private RawConnection open(int readTimeoutMillis) throws IOException {
        return track(new RawConnection(server.port(), readTimeoutMillis));
    }

    private RawConnection track(RawConnection connection) {
        connections.add(connection);
        return connection;
    }

    private static void sendQuietly(RawConnection connection, String text) {
        try {
            connection.send(text);
        } catch (IOException e) {
            // closed by the server: the trickle has nowhere to go
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
