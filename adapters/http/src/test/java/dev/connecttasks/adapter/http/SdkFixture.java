package dev.connecttasks.adapter.http;

import dev.connecttasks.application.port.in.ConnectTasksService;
import java.io.IOException;
import java.net.InetSocketAddress;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/** What the SDK tests start from: a service behind the HTTP server, the real SDK client, one instance and one task flow. */
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
        HttpConnectServer server = HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0));
        ConnectClient connect = SdkClients.connect(server.endpoint());
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

    @Override
    public void close() {
        connect.close();
        server.close();
    }
}
