package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InternalServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Amazon Connect's REST-JSON protocol over the JDK's HTTP server (start the JVM with
 * {@code -Dsun.net.httpserver.nodelay=true}, as the local server does: the JDK server writes headers
 * and body separately, and with Nagle's algorithm each response then waits about 40 ms for the
 * client's delayed ACK): the operations' paths and
 * methods, JSON members by their wire names, epoch-second timestamps, and errors as status code,
 * {@code X-Amzn-ErrorType} header and {@code {"Message": ...}} body, so the AWS SDK raises the
 * service's exception classes. Bad input is a 4xx with a message and never reaches the service.
 */
public final class HttpConnectServer implements AutoCloseable {

    /** The largest request body accepted. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    private static final System.Logger LOG = System.getLogger("dev.connecttasks.http");
    /**
     * The most JSON tokens a body may hold. The largest valid request (32,768 bytes of attributes in
     * one-character keys, references, template fields) needs some tens of thousands; a 1 MiB body of
     * empty objects would otherwise build a tree of 350,000 nodes per request.
     */
    static final long MAX_TOKENS = 100_000;
    static final int MAX_NESTING = 32;
    private static final ObjectMapper STRICT_JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxTokenCount(MAX_TOKENS).maxNestingDepth(MAX_NESTING).build()).build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final HttpServer server;
    private final ExecutorService workers;
    private final Router router;
    private final Optional<SignatureCheck> signatures;
    private final Consumer<VirtualMachineError> onFatalError;

    private HttpConnectServer(HttpServer server, ExecutorService workers, Router router, Optional<SignatureCheck> signatures,
                              Consumer<VirtualMachineError> onFatalError) {
        this.server = server;
        this.workers = workers;
        this.router = router;
        this.signatures = signatures;
        this.onFatalError = onFatalError;
    }

    /** Starts serving {@code service} at {@code address} (port 0: any free port), accepting any signature. */
    public static HttpConnectServer start(ConnectTasksService service, InetSocketAddress address) throws IOException {
        return start(service, address, options -> { });
    }

    /** Starts serving {@code service} at {@code address} with options: credentials to check signatures against, extra operations. */
    public static HttpConnectServer start(ConnectTasksService service, InetSocketAddress address, Consumer<Options> configure)
            throws IOException {
        Options options = new Options();
        configure.accept(options);
        Router router = routes(service);
        options.extraOperations.forEach(extra -> router.add(extra.method(), extra.pathTemplate(), extra.name(), request -> {
            ObjectNode response = Wire.object();
            extra.handler().apply(request.body()).forEach(response::put);
            return response;
        }));
        HttpServer server = HttpServer.create(address, 128);
        ExecutorService workers = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "connect-tasks-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpConnectServer connect = new HttpConnectServer(server, workers, router,
                Optional.ofNullable(options.credentials).map(c -> SignatureCheck.of(c, options.clock)), options.onFatalError);
        server.createContext("/", connect::handle);
        server.setExecutor(workers);
        server.start();
        return connect;
    }

    private static Router routes(ConnectTasksService service) {
        ContactOperations contacts = new ContactOperations(service);
        SetupOperations setup = new SetupOperations(service);
        QuickConnectOperations quickConnects = new QuickConnectOperations(service);
        TemplateOperations templates = new TemplateOperations(service);
        return new Router()
                .add("PUT", "/contact/task", "StartTaskContact", contacts::startTaskContact)
                .add("GET", "/contacts/{InstanceId}/{ContactId}", "DescribeContact", contacts::describeContact)
                .add("POST", "/contact/attributes", "UpdateContactAttributes", contacts::updateContactAttributes)
                .add("GET", "/contact/attributes/{InstanceId}/{InitialContactId}", "GetContactAttributes", contacts::getContactAttributes)
                .add("POST", "/contact/stop", "StopContact", contacts::stopContact)
                .add("POST", "/contact/schedule", "UpdateContactSchedule", contacts::updateContactSchedule)
                .add("PUT", "/contact/chat", "StartChatContact", setup::startChatContact)
                .add("PUT", "/instance", "CreateInstance", setup::createInstance)
                .add("GET", "/instance/{InstanceId}", "DescribeInstance", setup::describeInstance)
                .add("GET", "/instance", "ListInstances", setup::listInstances)
                .add("PUT", "/contact-flows/{InstanceId}", "CreateContactFlow", setup::createContactFlow)
                .add("GET", "/contact-flows/{InstanceId}/{ContactFlowId}", "DescribeContactFlow", setup::describeContactFlow)
                .add("POST", "/contact-flows/{InstanceId}/{ContactFlowId}/metadata", "UpdateContactFlowMetadata", setup::updateContactFlowMetadata)
                .add("PUT", "/quick-connects/{InstanceId}", "CreateQuickConnect", quickConnects::createQuickConnect)
                .add("GET", "/quick-connects/{InstanceId}/{QuickConnectId}", "DescribeQuickConnect", quickConnects::describeQuickConnect)
                .add("PUT", "/instance/{InstanceId}/task/template", "CreateTaskTemplate", templates::createTaskTemplate)
                .add("GET", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "GetTaskTemplate", templates::getTaskTemplate)
                .add("POST", "/instance/{InstanceId}/task/template/{TaskTemplateId}", "UpdateTaskTemplate", templates::updateTaskTemplate)
                .add("GET", "/instance/{InstanceId}/task/template", "ListTaskTemplates", templates::listTaskTemplates);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String endpoint() {
        return "http://" + server.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        UUID requestId = requestId();
        try (exchange) {
            try {
                byte[] body = readBounded(exchange.getRequestBody());
                signatures.ifPresent(check -> check.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
                Router.Match match = router.match(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()).orElseThrow(
                        () -> new MalformedRequest(404, "UnknownOperationException", "No operation at " + exchange.getRequestMethod() + " "
                                + exchange.getRequestURI().getRawPath()));
                ObjectNode response = match.handler().apply(new WireRequest(match.labels(), Map.of(), new HttpMembers(json(body))));
                send(exchange, requestId, 200, null, response);
            } catch (MalformedRequest e) {
                send(exchange, requestId, e.status(), e.errorType(), message(e.getMessage()));
            } catch (InternalServiceException e) {
                send(exchange, requestId, 500, e.errorType(), internalFailure(requestId, e));
            } catch (ConnectException e) {
                send(exchange, requestId, ErrorStatus.of(e), e.errorType(), message(e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, requestId, 500, "InternalServiceException", internalFailure(requestId, e));
            } catch (VirtualMachineError e) {
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " hit " + e + "; the JVM may be unable to go on", e);
                onFatalError.accept(e);
                throw e;
            }
        }
    }

    /**
     * What a client learns of a failure inside the server: that it happened, and the request id under
     * which the server's log keeps the detail. Statements, table names and driver text stay in the log.
     */
    private static ObjectNode internalFailure(UUID requestId, RuntimeException failure) {
        LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed inside the server", failure);
        return message("The request failed inside the server; its log has the detail under request id " + requestId);
    }

    /** The body, refused once it passes {@link #MAX_BODY_BYTES}; the connection is then closed rather than drained. */
    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new MalformedRequest(413, "RequestEntityTooLargeException", "The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB)");
        }
        return body;
    }

    private static ObjectNode json(byte[] body) {
        if (body.length == 0) {
            return Wire.object();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw MalformedRequest.serialization("The request body is not valid UTF-8");
        }
        JsonNode node;
        try {
            node = STRICT_JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw MalformedRequest.serialization("The request body is larger than a request can be: more than " + MAX_TOKENS
                    + " JSON tokens or " + MAX_NESTING + " levels of nesting");
        } catch (JsonProcessingException e) {
            throw MalformedRequest.serialization("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || node.isMissingNode()) {
            return Wire.object();
        }
        if (!node.isObject()) {
            throw MalformedRequest.serialization("The request body must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }

    private static ObjectNode message(String message) {
        return Wire.object().put("Message", message == null ? "" : message);
    }

    private static void send(HttpExchange exchange, UUID requestId, int status, String errorType, ObjectNode body) throws IOException {
        byte[] bytes = Wire.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId.toString());
        if (errorType != null) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", errorType);
        }
        if (status == 413) {
            exchange.getResponseHeaders().set("Connection", "close");
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * A version-4 UUID for the response's request id. It only has to be unique enough to find a request
     * in a log, not unguessable, so it comes from the thread's own generator rather than from
     * {@link UUID#randomUUID()}, whose one shared, locked NativePRNG the requests would queue on.
     */
    static UUID requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** What a server can be given; every option is off by default. */
    public static final class Options {
        private String credentials;
        private Clock clock = Clock.systemUTC();
        private Consumer<VirtualMachineError> onFatalError = error -> { };
        private final List<ExtraOperation> extraOperations = new ArrayList<>();

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
            this.onFatalError = java.util.Objects.requireNonNull(action, "action");
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

    /** Stops accepting, lets requests in flight finish for up to a second, then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
    }
}
