package dev.connecttasks.adapter.http;

import dev.connecttasks.application.port.in.ConnectTasksService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/**
 * What the SDK tests start from: a service behind the HTTP server, the real SDK client, one instance
 * and one task flow. The system property {@code connect.tasks.sdk.transport} picks the other ways
 * the one suite runs: {@code in-process} (the in-process client's module runs this suite again over
 * the same service, with no server) and {@code endpoint} (the conformance command: any Connect
 * endpoint, {@code connect.tasks.sdk.endpoint}, {@code .region}, and an existing {@code .instance} and
 * {@code .flow}, else made per test). Against an endpoint the test's service is unused; a test that
 * needs it, or would change set-up it did not make, is skipped ({@link #requireInProcess},
 * {@link #requireOwnSetUp}), and so is one whose set-up operation the endpoint does not serve.
 */
final class SdkFixture implements AutoCloseable {

    static final String TRANSPORT = "connect.tasks.sdk.transport";

    final HttpConnectServer server;
    final ConnectClient connect;
    final String instance;
    final String flow;
    private final boolean ownsInstance;
    private final boolean ownsFlow;

    private SdkFixture(HttpConnectServer server, ConnectClient connect, String instance, String flow, boolean ownsInstance, boolean ownsFlow) {
        this.server = server;
        this.connect = connect;
        this.instance = instance;
        this.flow = flow;
        this.ownsInstance = ownsInstance;
        this.ownsFlow = ownsFlow;
    }

    static SdkFixture start(ConnectTasksService service) throws IOException {
        if (againstEndpoint()) {
            return atEndpoint();
        }
        HttpConnectServer server = inProcess() ? null : HttpConnectServer.start(service, new InetSocketAddress("127.0.0.1", 0));
        ConnectClient connect = server == null ? inProcessClient(service) : SdkClients.connect(server.endpoint());
        return new SdkFixture(server, connect, createInstance(connect), null, true, true).withFlow(null);
    }

    private static SdkFixture atEndpoint() {
        AwsCredentialsProvider credentials = System.getProperty("connect.tasks.sdk.access-key") == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(System.getProperty("connect.tasks.sdk.access-key"),
                        System.getProperty("connect.tasks.sdk.secret-key", "")));
        ConnectClient connect = SetUpSkipping.wrap(ConnectClient.builder().endpointOverride(URI.create(System.getProperty("connect.tasks.sdk.endpoint")))
                .region(Region.of(System.getProperty("connect.tasks.sdk.region", "us-east-1"))).credentialsProvider(credentials).build());
        String given = System.getProperty("connect.tasks.sdk.instance");
        String instance = given != null ? given : createInstance(connect);
        return new SdkFixture(null, connect, instance, null, given == null, false).withFlow(System.getProperty("connect.tasks.sdk.flow"));
    }

    private static String createInstance(ConnectClient connect) {
        return connect.createInstance(r -> r.instanceAlias("sdk").identityManagementType("CONNECT_MANAGED")
                .inboundCallsEnabled(true).outboundCallsEnabled(true)).id();
    }

    private SdkFixture withFlow(String given) {
        String flowId = given != null ? given : connect.createContactFlow(r -> r.instanceId(instance).name("Tasks")
                .type(ContactFlowType.CONTACT_FLOW).content("{}")).contactFlowId();
        return new SdkFixture(server, connect, instance, flowId, ownsInstance, given == null);
    }

    /** A task on the fixture's instance and flow. */
    StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("Call back");
    }

    static boolean inProcess() {
        return "in-process".equals(System.getProperty(TRANSPORT));
    }

    static boolean againstEndpoint() {
        return "endpoint".equals(System.getProperty(TRANSPORT));
    }

    /** Skips the test against an endpoint: it needs the service in this process (its clock, its store, a server of its own). */
    static void requireInProcess(String why) {
        if (againstEndpoint()) {
            throw new TestAbortedException("needs the service in-process: " + why);
        }
    }

    /** Skips the test when the instance or flow it changes or deletes was given to the run, not made for it. */
    void requireOwnSetUp(String why) {
        if (!ownsInstance || !ownsFlow) {
            throw new TestAbortedException("would change the instance or flow the run was given: " + why);
        }
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
        if (againstEndpoint() && ownsInstance) {
            try {
                connect.deleteInstance(r -> r.instanceId(instance));
            } catch (RuntimeException alreadyGone) {
                // a test may have deleted it; nothing else of the run's is left there
            }
        }
        connect.close();
        if (server != null) {
            server.close();
        }
    }
}
