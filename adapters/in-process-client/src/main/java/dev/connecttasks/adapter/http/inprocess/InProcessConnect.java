package dev.connecttasks.adapter.http.inprocess;

import dev.connecttasks.adapter.http.HttpWireExchange;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectAsyncClientBuilder;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.ConnectClientBuilder;

/**
 * The AWS SDK's {@link ConnectClient} and {@link ConnectAsyncClient}, backed by a service in the same
 * process, as DynamoDB Local's embedded mode backs a DynamoDB client: no socket, no server. Requests
 * go through the SDK as ever (its request and response types, its marshalling, its exceptions with
 * status code, error code and message) and are answered by {@link HttpWireExchange}, the very routes,
 * members and errors the local server answers with, so the two cannot drift apart. Operations the
 * service does not serve fail as over the wire: {@code UnknownOperationException}, status 404.
 * No signature is checked; the region and the keys are placeholders nothing reads.
 */
public final class InProcessConnect {

    /** The endpoint the SDK is given; it names no host, as nothing is ever sent. */
    static final URI ENDPOINT = URI.create("http://connect-tasks.in-process");

    private InProcessConnect() {
    }

    /** A ConnectClient over {@code service}. */
    public static ConnectClient client(ConnectTasksService service) {
        return client(service, builder -> { });
    }

    /** A ConnectClient over {@code service}, its builder further set by {@code configure} (retry strategy, interceptors...). */
    public static ConnectClient client(ConnectTasksService service, Consumer<ConnectClientBuilder> configure) {
        ConnectClientBuilder builder = ConnectClient.builder().httpClient(new InProcessHttpClient(HttpWireExchange.over(service)))
                .endpointOverride(ENDPOINT).region(Region.US_EAST_1).credentialsProvider(placeholderKeys());
        configure.accept(builder);
        return builder.build();
    }

    /**
     * A ConnectAsyncClient over {@code service}. Its calls run on a pool of daemon threads of its own,
     * never the common pool: a JDBC store blocks.
     */
    public static ConnectAsyncClient asyncClient(ConnectTasksService service) {
        return asyncClient(service, ownThreads(), builder -> { });
    }

    /** A ConnectAsyncClient over {@code service} whose calls run on {@code executor}. */
    public static ConnectAsyncClient asyncClient(ConnectTasksService service, java.util.concurrent.Executor executor,
                                                 Consumer<ConnectAsyncClientBuilder> configure) {
        ConnectAsyncClientBuilder builder = ConnectAsyncClient.builder()
                .httpClient(new InProcessAsyncHttpClient(HttpWireExchange.over(service), executor))
                .endpointOverride(ENDPOINT).region(Region.US_EAST_1).credentialsProvider(placeholderKeys());
        configure.accept(builder);
        return builder.build();
    }

    private static StaticCredentialsProvider placeholderKeys() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("IN-PROCESS", "in-process"));
    }

    private static ExecutorService ownThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "connect-tasks-in-process-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
