package dev.connecttasks.adapter.http;

import dev.connecttasks.application.port.in.ConnectTasksService;
import java.io.IOException;
import java.net.InetSocketAddress;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/**
 * What the SDK tests start from: a service behind the HTTP server, the real SDK client, one instance
 * and one task flow. With the system property {@code connect.tasks.sdk.transport=in-process} (the
 * in-process client's module sets it and runs this module's SDK suite again) the client is the
 * in-process one over the same service, and there is no server: the one suite proves both.
 */
final class SdkFixture implements AutoCloseable {

    final HttpConnectServer server;
    final ConnectClient connect;
    final String instance;
    final String flow;

    private SdkFixture(HttpConnectServer server, ConnectClient connect, String instance, String flow) {
        this.server = server;
        this.connect = connect;
        this.instance = instance;
        this.flow = flow;
    }

    static SdkFixture start(ConnectTasksService service) throws IOException {
        HttpConnectServer server = inProcess() ? null : HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0));
        ConnectClient connect = server == null ? inProcessClient(service) : SdkClients.connect(server.endpoint());
        String instance = connect.createInstance(r -> r.instanceAlias("sdk").identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
        String flow = connect.createContactFlow(r -> r.instanceId(instance).name("Tasks").type(ContactFlowType.CONTACT_FLOW).content("{}"))
                .contactFlowId();
        return new SdkFixture(server, connect, instance, flow);
    }

    /** A task on the fixture's instance and flow. */
    StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("Call back");
    }

    static boolean inProcess() {
        return "in-process".equals(System.getProperty("connect.tasks.sdk.transport"));
    }

    /** Found by name: the in-process client's module depends on this one, so this one cannot name it. */
    private static ConnectClient inProcessClient(ConnectTasksService service) {
        try {
            return (ConnectClient) Class.forName("dev.connecttasks.adapter.http.inprocess.InProcessConnect")
                    .getMethod("client", ConnectTasksService.class, java.util.function.Consumer.class)
                    .invoke(null, service, (java.util.function.Consumer<software.amazon.awssdk.services.connect.ConnectClientBuilder>)
                            builder -> builder.overrideConfiguration(c -> c.retryStrategy(
                                    software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry())));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("connect.tasks.sdk.transport=in-process needs the in-process client on the class path", e);
        }
    }

    @Override
    public void close() {
        connect.close();
        if (server != null) {
            server.close();
        }
    }
}
