package dev.connecttasks.junit;

import dev.connecttasks.adapter.http.HttpConnectServer;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.SequentialIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectAsyncClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * Starts the server the local server jar runs (Amazon Connect's REST-JSON protocol over Jetty) inside
 * the test JVM on a free port of 127.0.0.1, and hands tests its {@link ConnectTasksEndpoint} and AWS
 * SDK clients configured for it (endpoint, region, placeholder keys, no retries, so a refusal reaches
 * the test as the service answered it). Also injectable: the {@link ConnectTasksService} behind it,
 * its {@link MutableClock} and {@link SequentialIds}. One server per test class by default
 * ({@code @ExtendWith(ConnectTasksServerExtension.class)}), or per test:
 * {@code @RegisterExtension static ConnectTasksServerExtension server = ConnectTasksServerExtension.perTest()}.
 * The service is in memory with throttling off unless {@link #withService} says otherwise. Register
 * this one or {@link ConnectTasksExtension} on a class, not both: both supply a {@link ConnectClient}.
 */
public final class ConnectTasksServerExtension implements ParameterResolver {

    /** How long a test's server and its service live. */
    public enum Sharing {
        /** One server for every test of the class (and its nested classes), stopped after the last. */
        PER_CLASS,
        /** A new server, on a new port with an empty service, for every test. */
        PER_TEST
    }

    public static final String REGION = "us-east-1";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConnectTasksServerExtension.class);
    private static final List<Class<?>> SUPPLIED = List.of(ConnectTasksEndpoint.class, ConnectClient.class, ConnectAsyncClient.class,
            ConnectTasksService.class, MutableClock.class, SequentialIds.class);

    private final Sharing sharing;
    private final ServiceSettings settings;

    /** The defaults: one in-memory server per test class. */
    public ConnectTasksServerExtension() {
        this(Sharing.PER_CLASS, ServiceSettings.defaults());
    }

    private ConnectTasksServerExtension(Sharing sharing, ServiceSettings settings) {
        this.sharing = java.util.Objects.requireNonNull(sharing, "sharing");
        this.settings = settings;
    }

    public static ConnectTasksServerExtension perClass() {
        return new ConnectTasksServerExtension();
    }

    public static ConnectTasksServerExtension perTest() {
        return new ConnectTasksServerExtension(Sharing.PER_TEST, ServiceSettings.defaults());
    }

    /** The server's service from {@code factory} (a JDBC one, say) instead of an in-memory one. */
    public ConnectTasksServerExtension withService(ConnectTasksExtension.ServiceFactory factory) {
        return new ConnectTasksServerExtension(sharing, settings.factory(factory));
    }

    /** Where the server's clock starts. */
    public ConnectTasksServerExtension startingAt(Instant instant) {
        return new ConnectTasksServerExtension(sharing, settings.startingAt(instant));
    }

    /** Ids {@code prefix-1}, {@code prefix-2}, ... */
    public ConnectTasksServerExtension idPrefix(String prefix) {
        return new ConnectTasksServerExtension(sharing, settings.idPrefix(prefix));
    }

    /** The limits (throttling off by default; {@code TaskPolicy.defaults()} turns it back on). */
    public ConnectTasksServerExtension policy(TaskPolicy value) {
        return new ConnectTasksServerExtension(sharing, settings.policy(value));
    }

    public Sharing sharing() {
        return sharing;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPLIED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext owner = sharing == Sharing.PER_TEST ? context : classContext(context);
        RunningServer server = owner.getStore(NAMESPACE).getOrComputeIfAbsent(RunningServer.class, type -> start(), RunningServer.class);
        return server.get(parameter.getParameter().getType());
    }

    /** The outermost class context above a method's: nested classes share their enclosing class's server. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext classLevel = context;
        for (ExtensionContext at = context; at.getParent().isPresent(); at = at.getParent().get()) {
            if (at.getTestMethod().isEmpty() && at.getTestClass().isPresent()) {
                classLevel = at;
            }
        }
        return classLevel;
    }

    private RunningServer start() {
        ServiceSettings.Opened opened = settings.open();
        try {
            return new RunningServer(opened, HttpConnectServer.start(opened.service(), new InetSocketAddress("127.0.0.1", 0)));
        } catch (IOException e) {
            throw new UncheckedIOException("The test's server did not start", e);
        }
    }

    /** A server, its service and the clients handed out; JUnit closes it when its context ends. */
    private static final class RunningServer implements AutoCloseable {
        private final ServiceSettings.Opened opened;
        private final HttpConnectServer server;
        private final ConnectTasksEndpoint endpoint;
        private final LazyClients clients;

        RunningServer(ServiceSettings.Opened opened, HttpConnectServer server) {
            this.opened = opened;
            this.server = server;
            this.endpoint = new ConnectTasksEndpoint(URI.create(server.endpoint()), REGION, "AKIDCONNECTTASKS", "connect-tasks-secret");
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(endpoint.accessKeyId(), endpoint.secretAccessKey()));
            // no retries: a refusal reaches the test as the server sent it
            this.clients = new LazyClients(
                    () -> ConnectClient.builder().endpointOverride(endpoint.uri()).region(Region.of(endpoint.region())).credentialsProvider(credentials)
                            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build(),
                    () -> ConnectAsyncClient.builder().endpointOverride(endpoint.uri()).region(Region.of(endpoint.region()))
                            .credentialsProvider(credentials).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        }

        Object get(Class<?> type) {
            if (type == ConnectTasksEndpoint.class) {
                return endpoint;
            }
            if (type == ConnectClient.class) {
                return clients.client();
            }
            if (type == ConnectAsyncClient.class) {
                return clients.asyncClient();
            }
            if (type == MutableClock.class) {
                return opened.clock();
            }
            if (type == SequentialIds.class) {
                return opened.ids();
            }
            return opened.service();
        }

        @Override
        public void close() throws Exception {
            clients.close();
            server.close();
            opened.close();
        }
    }
}
