package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.adapter.http.SdkClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/** What an operator runs the server with, tried by starting its main in a process of its own. */
class LocalServerOperatorsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void versionPrintsTheBuildsVersionAndExitsZero(@TempDir Path directory) throws Exception {
        Map.Entry<Integer, String> run = LocalServerProcess.run(directory, "--version");
        assertThat(run.getKey()).isZero();
        assertThat(run.getValue().strip()).matches("connect-tasks \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(Files.exists(directory.resolve("data"))).as("no database was opened").isFalse();
    }

    @Test
    void aRefusedFlagExitsTwoAndNamesIt(@TempDir Path directory) throws Exception {
        Map.Entry<Integer, String> run = LocalServerProcess.run(directory, "--host", "no such host.invalid");
        assertThat(run.getKey()).isEqualTo(2);
        assertThat(run.getValue()).contains("--host must be an address");
    }

    @Test
    void theDefaultStartPrintsNoSlf4jWarningOneMigrationLineAndOneLineARequest(@TempDir Path directory) throws Exception {
        try (LocalServerProcess server = LocalServerProcess.start(directory);
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            HttpResponse<String> health = get(server.endpoint + "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"Status\":\"UP\"", "jdbc:h2:file:./data/connect-tasks");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect.describeInstance(r -> r.instanceId("nowhere")))
                    .isInstanceOf(ResourceNotFoundException.class);
            server.awaitLine(Pattern.compile("DescribeInstance instance=nowhere status=404 error=ResourceNotFoundException reason=INSTANCE \\d+ ms"),
                    10);
            List<String> lines = server.linesSoFar();
            assertThat(lines).noneMatch(line -> line.contains("SLF4J"));
            assertThat(lines).filteredOn(line -> line.contains("flyway") || line.contains("Migrating") || line.contains("schema"))
                    .singleElement().asString().startsWith("connect-tasks: schema at version ");
            assertThat(lines).as("/health is not a request of the API's").noneMatch(line -> line.contains("health"));
        }
    }

    @Test
    void inMemoryQuietOnAHostAndPortFromTheEnvironment(@TempDir Path directory) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (LocalServerProcess server = LocalServerProcess.start(directory, Map.of("CONNECT_TASKS_PORT", String.valueOf(port),
                "CONNECT_TASKS_HOST", "localhost", "CONNECT_TASKS_IN_MEMORY", "true", "CONNECT_TASKS_QUIET", "true"));
             ConnectClient connect = SdkClients.connect(server.endpoint)) {
            assertThat(server.endpoint).isEqualTo("http://localhost:" + port);
            assertThat(get(server.endpoint + "/health").body()).isEqualTo("{\"Status\":\"UP\",\"Store\":\"in memory\"}");
            assertThat(connect.listInstances(r -> { }).instanceSummaryList()).isEmpty();
            assertThat(server.linesSoFar()).noneMatch(line -> line.contains("ListInstances"));
        }
        assertThat(Files.exists(directory.resolve("data"))).as("in memory: no file written").isFalse();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
