package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every response carries {@code x-amzn-RequestId}: a version-4 UUID of its own. */
class HttpRequestIdTest {

    @Test
    void requestIdsAreVersionFourUuidsThatDoNotRepeat() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            UUID id = ConnectRequests.requestId();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void answersAndErrorsBothCarryOne() throws Exception {
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0))) {
            HttpClient http = HttpClient.newHttpClient();
            Set<String> ids = new HashSet<>();
            for (String path : new String[] {"/instance", "/instance", "/no-such-operation"}) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                String id = response.headers().firstValue("x-amzn-RequestId").orElseThrow();
                assertThat(UUID.fromString(id).toString()).isEqualTo(id);
                ids.add(id);
            }
            assertThat(ids).hasSize(3);
        }
    }
}
