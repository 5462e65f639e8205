package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** {@code GET /health} and the request log: both off unless asked for, as an embedding application expects. */
class HealthAndRequestLogTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthAnswersWhatTheCheckSaysWithoutASignature() throws Exception {
        AtomicReference<HttpHealth> state = new AtomicReference<>(HttpHealth.up("jdbc:h2:mem:x"));
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0),
                o -> o.health(state::get).credentials("AKID:secret"))) {
            HttpResponse<String> up = get(server, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).isEqualTo("{\"Status\":\"UP\",\"Store\":\"jdbc:h2:mem:x\"}");

            state.set(HttpHealth.down("jdbc:h2:mem:x", "no connection within 2 s"));
            HttpResponse<String> down = get(server, "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("X-Amzn-ErrorType")).hasValue("ServiceUnavailableException");
            assertThat(down.body()).contains("\"Status\":\"DOWN\"", "no connection within 2 s");

            state.set(null);
            assertThat(get(server, "/health").statusCode()).as("a check that fails (here: answers null) is a store that does not answer").isEqualTo(503);
            assertThat(get(server, "/instance").statusCode()).as("every other path still needs its signature").isEqualTo(403);
        }
    }

    @Test
    void withoutACheckHealthIsAnUnknownPath() throws Exception {
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpResponse<String> response = get(server, "/health");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("X-Amzn-ErrorType")).hasValue("UnknownOperationException");
        }
    }

    @Test
    void theRequestLogHasOneLineARequestWithOperationInstanceStatusErrorAndReason() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicReference<String> oddIdAnswer = new AtomicReference<>();
        AtomicReference<String> refusedAnswer = new AtomicReference<>();
        Logger requests = Logger.getLogger("dev.connecttasks.http.requests");
        Handler capture = into(lines);
        requests.addHandler(capture);
        requests.setLevel(Level.INFO);
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0),
                o -> o.requestLog(true))) {
            assertThat(get(server, "/instance").statusCode()).isEqualTo(200);
            HttpResponse<String> oddId = get(server, "/instance/no-such%0Ainstance");
            assertThat(oddId.statusCode()).isBetween(400, 499);
            oddIdAnswer.set(oddId.statusCode() + " error=" + oddId.headers().firstValue("X-Amzn-ErrorType").orElseThrow());
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/contact/task"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"InstanceId\":\"i-1\",\"Name\":\"t\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            refusedAnswer.set(refused.statusCode() + " error=" + refused.headers().firstValue("X-Amzn-ErrorType").orElseThrow()
                    + " reason=" + refused.body().replaceAll(".*\"ReasonCode\":\"([A-Z_]+)\".*", "$1") + " ");            get(server, "/nowhere");
        } finally {
            requests.removeHandler(capture);
        }
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("ListInstances instance=- status=200 error=- reason=- \\d+ ms request=[0-9a-f-]{36}");
        assertThat(lines.get(1)).as("a client's id never breaks the line")
                .startsWith("DescribeInstance instance=no-such?instance status=" + oddIdAnswer.get() + " reason=");
        assertThat(refusedAnswer.get()).doesNotContain("{");
        assertThat(lines.get(2)).startsWith("StartTaskContact instance=i-1 status=" + refusedAnswer.get());
        assertThat(lines.get(3)).startsWith("- instance=- status=404 error=UnknownOperationException reason=- ");
    }

    @Test
    void aLoggedIdIsCutAtItsCharactersNotItsHalves() {
        String id = "😀".repeat(200);
        assertThat(ConnectRequests.printable(id)).isEqualTo("😀".repeat(128) + "...");
        assertThat(ConnectRequests.printable("a b\u200Bc\u0000")).isEqualTo("a?b?c?");
        assertThat(ConnectRequests.printable(null)).isEqualTo("-");
    }

    @Test
    void withoutTheOptionNothingIsLogged() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        Logger requests = Logger.getLogger("dev.connecttasks.http.requests");
        Handler capture = into(lines);
        requests.addHandler(capture);
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0))) {
            assertThat(get(server, "/instance").statusCode()).isEqualTo(200);
        } finally {
            requests.removeHandler(capture);
        }
        assertThat(lines).isEmpty();
    }

    @Test
    void aRequestLogThatThrowsCostsNoCallerItsAnswer() throws Exception {
        Logger requests = Logger.getLogger("dev.connecttasks.http.requests");
        Handler throwing = new Handler() {
            @Override
            public void publish(LogRecord record) {
                throw new IllegalStateException("the log's disk is full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        requests.addHandler(throwing);
        requests.setLevel(Level.INFO);
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0),
                o -> o.requestLog(true))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/instance"))
                    .timeout(java.time.Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("InstanceSummaryList");
        } finally {
            requests.removeHandler(throwing);
        }
    }

    private static Handler into(List<String> lines) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private HttpResponse<String> get(HttpConnectServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
