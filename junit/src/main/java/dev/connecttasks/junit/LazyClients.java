package dev.connecttasks.junit;

import java.util.function.Supplier;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/** The SDK clients of one test's service, each built when a test first asks for it and closed with the service. */
final class LazyClients implements AutoCloseable {

    private final Supplier<ConnectClient> newClient;
    private final Supplier<ConnectAsyncClient> newAsyncClient;
    private ConnectClient client;
    private ConnectAsyncClient asyncClient;

    LazyClients(Supplier<ConnectClient> newClient, Supplier<ConnectAsyncClient> newAsyncClient) {
        this.newClient = newClient;
        this.newAsyncClient = newAsyncClient;
    }

    synchronized ConnectClient client() {
        if (client == null) {
            client = newClient.get();
        }
        return client;
    }

    synchronized ConnectAsyncClient asyncClient() {
        if (asyncClient == null) {
            asyncClient = newAsyncClient.get();
        }
        return asyncClient;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        if (asyncClient != null) {
            asyncClient.close();
        }
    }
}
