package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Amazon Connect's REST-JSON protocol over Jetty: the operations' paths and methods, JSON members by
 * their wire names, epoch-second timestamps, and errors as status code, {@code X-Amzn-ErrorType}
 * header and {@code {"Message": ...}} body, so the AWS SDK raises the service's exception classes.
 * Bad input is a 4xx with a message and never reaches the service; so is bad HTTP.
 *
 * <p>Slow and stalled clients cost connections, not workers: headers and bodies are read without a
 * thread, a body must arrive within {@link Options#bodyTimeout}, a silent connection closes after
 * {@link Options#idleTimeout}, and at most {@link Options#maxConnections} are open.
 */
public final class HttpConnectServer implements AutoCloseable {

    /** The largest request body accepted. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    /** The largest request line and header fields accepted together; an SDK request sends about 1 KiB. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Server server;
    private final ServerConnector connector;

    private HttpConnectServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    /** Starts serving {@code service} at {@code address} (port 0: any free port), accepting any signature. */
    public static HttpConnectServer start(ConnectTasksService service, InetSocketAddress address) throws IOException {
        return start(service, address, options -> { });
    }

    /** Starts serving {@code service} at {@code address} with options: credentials to check signatures against, limits, extra operations. */
    public static HttpConnectServer start(ConnectTasksService service, InetSocketAddress address, Consumer<Options> configure)
            throws IOException {
        Options options = new Options();
        configure.accept(options);
        Router router = routes(service);
        if (options.testControls != null) {
            new TestControlOperations(options.testControls).addTo(router);
        }
        options.extraOperations.forEach(extra -> router.add(extra.method(), extra.pathTemplate(), extra.name(), request -> {
            ObjectNode response = Wire.object();
            extra.handler().apply(request.body()).forEach(response::put);
            return response;
        }));
        QueuedThreadPool threads = new QueuedThreadPool(options.workers + SERVER_THREADS, Math.min(8, options.workers + SERVER_THREADS));
        threads.setName("connect-tasks-http");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(configuration()));
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setIdleTimeout(options.idleTimeout.toMillis());
        connector.setAcceptQueueSize(128);
        // at stop, a kept-alive connection with no request in it closes at once rather than after Jetty's default second
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MILLIS);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(options.maxConnections, connector));
        server.setHandler(new GracefulHandler(new ConnectRequests(router,
                Optional.ofNullable(options.credentials).map(c -> SignatureCheck.of(c, options.clock)), options.bodyTimeout,
                new BodyBudget(options.bodyMemory), options.onFatalError, Optional.ofNullable(options.health), options.requestLog)));
        server.setErrorHandler(new ProtocolErrors());
        server.setStopTimeout(options.stopTimeout.toMillis());
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("The HTTP server did not start: " + e.getMessage(), e);
        }
        return new HttpConnectServer(server, connector);
    }

    private static final long SHUTDOWN_IDLE_MILLIS = 50;
    /** One acceptor and one selector, beside the workers. */
    private static final int SERVER_THREADS = 2;

    /**
     * The header limit, no server name, and URIs taken as sent: the path is matched segment by segment
     * against the operations and never mapped to a file, so an encoded slash or dot segment in an id is
     * just an unknown id (not found), as at the service.
     */
    private static HttpConfiguration configuration() {
        HttpConfiguration configuration = new HttpConfiguration();
        configuration.setRequestHeaderSize(MAX_HEADER_BYTES);
        configuration.setSendServerVersion(false);
        configuration.setSendXPoweredBy(false);
        configuration.setUriCompliance(UriCompliance.UNSAFE);
        return configuration;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception ignored) {
            // the start failure is the one to report
        }
    }

    static Router routes(ConnectTasksService service) {
        ContactOperations contacts = new ContactOperations(service);
        SetupOperations setup = new SetupOperations(service);
        QuickConnectOperations quickConnects = new QuickConnectOperations(service);
        TemplateOperations templates = new TemplateOperations(service);
        TagOperations tags = new TagOperations(service);
        return new Router()
                .add("POST", "/tags/{resourceArn}", "TagResource", tags::tagResource)
                .add("DELETE", "/tags/{resourceArn}", "UntagResource", tags::untagResource)
                .add("GET", "/tags/{resourceArn}", "ListTagsForResource", tags::listTagsForResource)
                .add("POST", "/contact/tags", "TagContact", tags::tagContact)
                .add("DELETE", "/contact/tags/{InstanceId}/{ContactId}", "UntagContact", tags::untagContact)
                .add("PUT", "/contact/task", "StartTaskContact", contacts::startTaskContact)
                .add("GET", "/contacts/{InstanceId}/{ContactId}", "DescribeContact", contacts::describeContact)
                .add("POST", "/contact/attributes", "UpdateContactAttributes", contacts::updateContactAttributes)
                .add("GET", "/contact/attributes/{InstanceId}/{InitialContactId}", "GetContactAttributes", contacts::getContactAttributes)
                .add("POST", "/contact/stop", "StopContact", contacts::stopContact)
                .add("POST", "/contact/schedule", "UpdateContactSchedule", contacts::updateContactSchedule)
                .add("POST", "/contacts/{InstanceId}/{ContactId}", "UpdateContact", contacts::updateContact)
                .add("POST", "/search-contacts", "SearchContacts", contacts::searchContacts)
                .add("POST", "/contact/transfer", "TransferContact", contacts::transferContact)
                .add("POST", "/contact/task-template", "UpdateContactTaskTemplate", contacts::updateContactTaskTemplate)
                .add("GET", "/contact/references/{InstanceId}/{ContactId}", "ListContactReferences", contacts::listContactReferences)
                .add("PUT", "/contact/chat", "StartChatContact", setup::startChatContact)
                .add("PUT", "/contact/outbound-voice", "StartOutboundVoiceContact", contacts::startOutboundVoiceContact)
                .add("PUT", "/instance", "CreateInstance", setup::createInstance)
                .add("GET", "/instance/{InstanceId}", "DescribeInstance", setup::describeInstance)
                .add("DELETE", "/instance/{InstanceId}", "DeleteInstance", setup::deleteInstance)
                .add("GET", "/instance", "ListInstances", setup::listInstances)
                .add("PUT", "/contact-flows/{InstanceId}", "CreateContactFlow", setup::createContactFlow)
                .add("GET", "/contact-flows/{InstanceId}/{ContactFlowId}", "DescribeContactFlow", setup::describeContactFlow)
                .add("GET", "/contact-flows-summary/{InstanceId}", "ListContactFlows", setup::listContactFlows)
                .add("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/content", "UpdateContactFlowContent", setup::updateContactFlowContent)
                .add("DELETE", "/contact-flows/{InstanceId}/{ContactFlowId}", "DeleteContactFlow", setup::deleteContactFlow)
                .add("POST", "/quick-connects/{InstanceId}/{QuickConnectId}/config", "UpdateQuickConnectConfig", quickConnects::updateQuickConnectConfig)
                .add("DELETE", "/quick-connects/{InstanceId}/{QuickConnectId}", "DeleteQuickConnect", quickConnects::deleteQuickConnect)
                .add("DELETE", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "DeleteTaskTemplate", templates::deleteTaskTemplate)
                .add("GET", "/quick-connects/{InstanceId}", "ListQuickConnects", quickConnects::listQuickConnects)
                .add("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/metadata", "UpdateContactFlowMetadata", setup::updateContactFlowMetadata)
                .add("PUT", "/quick-connects/{InstanceId}", "CreateQuickConnect", quickConnects::createQuickConnect)
                .add("GET", "/quick-connects/{InstanceId}/{QuickConnectId}", "DescribeQuickConnect", quickConnects::describeQuickConnect)
                .add("PUT", "/instance/{InstanceId}/task/template", "CreateTaskTemplate", templates::createTaskTemplate)
                .add("GET", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "GetTaskTemplate", templates::getTaskTemplate)
                .add("POST", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "UpdateTaskTemplate", templates::updateTaskTemplate)
                .add("GET", "/instance/{InstanceId}/task/template", "ListTaskTemplates", templates::listTaskTemplates);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public String endpoint() {
        return "http://" + connector.getHost() + ":" + port();
    }

    /** What a server can be given; every option has a default. */
    public static final class Options {
        private String credentials;
        private Clock clock = Clock.systemUTC();
        private Consumer<VirtualMachineError> onFatalError = error -> { };
        private final List<ExtraOperation> extraOperations = new ArrayList<>();
        private int workers = 64;
        private int maxConnections = 512;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration bodyTimeout = Duration.ofSeconds(20);
        private Duration stopTimeout = Duration.ofSeconds(5);
        private long bodyMemory = 64L << 20;
        private Supplier<HttpHealth> health;
        private boolean requestLog;
        private dev.connecttasks.application.TestControls testControls;

        private Options() {
        }

        /** {@code ACCESS_KEY:SECRET_KEY}: requests whose SigV4 signature does not verify against them get 403 and change nothing. */
        public Options credentials(String accessKeyColonSecretKey) {
            SignatureCheck.of(accessKeyColonSecretKey, clock);
            this.credentials = accessKeyColonSecretKey;
            return this;
        }

        /**
         * What to do when handling a request hits a {@link VirtualMachineError} ({@link OutOfMemoryError}, ...),
         * after it is logged: the JVM may be unable to go on. Nothing by default, since the server is embedded
         * in an application that decides; the local server halts its process.
         */
        public Options onFatalError(Consumer<VirtualMachineError> action) {
            this.onFatalError = Objects.requireNonNull(action, "action");
            return this;
        }

        /** The most requests served at once (Jetty's pool holds a few more threads for accepting and selecting): 64 by default. */
        public Options workers(int value) {
            this.workers = positive(value, "workers");
            return this;
        }

        /** The most connections open at once; past it, the server stops accepting until one closes: 512 by default. */
        public Options maxConnections(int value) {
            this.maxConnections = positive(value, "maxConnections");
            return this;
        }

        /** How long a connection may stay silent, between requests or within one, before it is closed: 30 s by default. */
        public Options idleTimeout(Duration value) {
            this.idleTimeout = positive(value, "idleTimeout");
            return this;
        }

        /** How long a request's body may take to arrive in full before it is answered 408 and its connection closed: 20 s by default. */
        public Options bodyTimeout(Duration value) {
            this.bodyTimeout = positive(value, "bodyTimeout");
            return this;
        }

        /**
         * The most bytes of request bodies held at once, counted by Content-Length (1 MiB for a chunked
         * body): past it, a request is answered 503 ServiceUnavailableException, which SDK clients retry.
         * At least {@link #MAX_BODY_BYTES}; 64 MiB by default.
         */
        public Options bodyMemory(long bytes) {
            if (bytes < MAX_BODY_BYTES) {
                throw new IllegalArgumentException("bodyMemory must be at least " + MAX_BODY_BYTES + " bytes (was " + bytes + ")");
            }
            this.bodyMemory = bytes;
            return this;
        }

        /** How long {@link #close()} lets requests in flight finish (new ones get 503 meanwhile): 5 s by default. */
        public Options stopTimeout(Duration value) {
            this.stopTimeout = positive(value, "stopTimeout");
            return this;
        }

        private static int positive(int value, String name) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 (was " + value + ")");
            }
            return value;
        }

        private static Duration positive(Duration value, String name) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive (was " + value + ")");
            }
            return value;
        }

        /**
         * Answers {@code GET /health} with what {@code check} says of the store: 200 when it is up,
         * 503 ServiceUnavailableException when it is down or the check throws. No signature is asked
         * for it. Off by default (the path is then unknown, 404, like any other).
         */
        public Options health(Supplier<HttpHealth> check) {
            this.health = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * Logs one line a request at INFO on the {@link System.Logger} {@code dev.connecttasks.http.requests}:
         * operation, instance, status, error type, reason code, milliseconds and request id. Off by default.
         */
        public Options requestLog(boolean on) {
            this.requestLog = on;
            return this;
        }

        /**
         * Serves the test controls under {@code /_connect-tasks/} (reset, clock, a seeded inbound
         * contact: see docs/server.md). Unsafe for a shared server: any caller moves its time and erases
         * its contacts. Off by default (the paths are then unknown, 404). Signed like any request when
         * {@link #credentials} are set.
         */
        public Options testControls(dev.connecttasks.application.TestControls controls) {
            this.testControls = Objects.requireNonNull(controls, "controls");
            return this;
        }

        /** The clock signatures' dates are checked against (15 minutes either way); the system's by default. */
        public Options signatureClock(Clock value) {
            this.clock = value;
            return this;
        }

        /**
         * Serves one more operation beside the service's, through the same body reading, member
         * parsing and error answers (a benchmark's baseline endpoint, for one): {@code handler} reads
         * the members and returns the response's string members.
         */
        public Options extraOperation(String method, String pathTemplate, String name, Function<HttpMembers, Map<String, String>> handler) {
            extraOperations.add(new ExtraOperation(method, pathTemplate, name, handler));
            return this;
        }
    }

    private record ExtraOperation(String method, String pathTemplate, String name, Function<HttpMembers, Map<String, String>> handler) {
    }

    /** Stops accepting, lets requests in flight finish for up to the stop timeout, then stops the workers. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The HTTP server did not stop cleanly: " + e.getMessage(), e);
        }
    }
}
