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
import org.junit.jupiter.api.Test;

/** A request whose handling runs out of memory is handed to the server's fatal-error action (the local server halts on it). */
class FatalErrorTest {

    @Test
    void aVirtualMachineErrorReachesTheFatalErrorAction() throws Exception {
        List<VirtualMachineError> fatal = new CopyOnWriteArrayList<>();
        try (HttpConnectServer server = HttpConnectServer.start(ConnectTasks.inMemory(), new InetSocketAddress("127.0.0.1", 0),
                o -> o.onFatalError(fatal::add).extraOperation("PUT", "/planted/oom", "PlantedOutOfMemory", members -> {
                    throw new OutOfMemoryError("planted");
                }))) {
            HttpClient http = HttpClient.newHttpClient();
            try {
                http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/planted/oom")).PUT(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException closed) {
                // The exchange ends without an answer: nothing can be promised once the JVM is out of memory.
            }
            assertThat(fatal).extracting(Throwable::getMessage).containsExactly("planted");
            HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/instance")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(next.statusCode()).as("an embedding application that chose to go on is still served").isEqualTo(200);
        }
    }
}
