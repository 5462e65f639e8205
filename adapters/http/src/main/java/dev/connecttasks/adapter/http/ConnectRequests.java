package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InternalServiceException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request from its headers to its answer. The body is read without holding a thread: a client
 * that sends half a body and stops costs a connection until {@code bodyTimeout}, never a worker.
 * Once the body is in, the operation runs on a worker, since the service blocks on its store.
 */
final class ConnectRequests extends Handler.Abstract {

    private static final System.Logger LOG = System.getLogger("dev.connecttasks.http");
    /** One line a request, apart from the server's own log, so that an operator can route or silence it alone. */
    private static final System.Logger REQUESTS = System.getLogger("dev.connecttasks.http.requests");
    private static final int LOGGED_ID_CHARS = 128;

    private final Router router;
    private final Optional<SignatureCheck> signatures;
    private final Duration bodyTimeout;
    private final BodyBudget bodies;
    private final Consumer<VirtualMachineError> onFatalError;
    private final Optional<Supplier<HttpHealth>> health;
    private final boolean requestLog;

    ConnectRequests(Router router, Optional<SignatureCheck> signatures, Duration bodyTimeout, BodyBudget bodies,
                    Consumer<VirtualMachineError> onFatalError, Optional<Supplier<HttpHealth>> health, boolean requestLog) {
        this.router = router;
        this.signatures = signatures;
        this.bodyTimeout = bodyTimeout;
        this.bodies = bodies;
        this.onFatalError = onFatalError;
        this.health = health;
        this.requestLog = requestLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        UUID requestId = requestId();
        long declared = request.getLength();
        if (declared > HttpConnectServer.MAX_BODY_BYTES) {
            Answer.send(response, callback, requestId, tooLarge());
            return true;
        }
        long share = declared < 0 ? HttpConnectServer.MAX_BODY_BYTES : declared;
        if (!bodies.tryReserve(share)) {
            Answer.send(response, callback, requestId, Answer.error(503, "ServiceUnavailableException",
                    "The server holds " + bodies.capacity() + " bytes of request bodies already; retry shortly").closing());
            return true;
        }
        Content.Source.asByteArrayAsync(request, HttpConnectServer.MAX_BODY_BYTES)
                .orTimeout(bodyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((body, failure) -> {
                    if (failure != null) {
                        // the body is given up: its share goes back before the answer, so a client that reads
                        // the answer and sends again finds it free
                        bodies.release(share);
                        unreadable(response, callback, requestId, failure);
                        return;
                    }
                    try {
                        answer(request, response, callback, requestId, body);
                    } finally {
                        bodies.release(share);
                    }
                });
        return true;
    }

    private void answer(Request request, Response response, Callback callback, UUID requestId, byte[] body) {
        try {
            Answer.send(response, callback, requestId, operate(request, body, requestId));
        } catch (RuntimeException e) {
            // nothing may leave the exchange unanswered until the idle timeout: Jetty answers a failed callback itself
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed outside its operation", e);
            callback.failed(e);
        } catch (VirtualMachineError e) {
            LOG.log(System.Logger.Level.ERROR, "request " + requestId + " hit " + e + "; the JVM may be unable to go on", e);
            // the fatal-error action first: once the exchange fails, its client may act on the closed connection at once
            onFatalError.accept(e);
            callback.failed(e);
            throw e;
        }
    }

    private Answer operate(Request request, byte[] body, UUID requestId) {
        return operate(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                name -> request.getHeaders().getValuesList(name), body, requestId);
    }

    /** A request as the wire carries it, whoever carried it: a connection, or a client in the same process. */
    Answer operate(String method, String rawPath, String rawQuery, RequestHeaders headers,
                   byte[] body, UUID requestId) {
        if (health.isPresent() && "GET".equals(method) && "/health".equals(rawPath)) {
            return health(health.get());
        }
        long started = System.nanoTime();
        Seen seen = new Seen();
        Answer answer = operate(method, rawPath, rawQuery, headers, body, requestId, seen);
        if (requestLog) {
            try {
                log(requestId, seen, answer, started);
            } catch (RuntimeException logFailed) {
                // a log handler that throws must not cost the caller its answer
                LOG.log(System.Logger.Level.WARNING, "the request log failed for request " + requestId, logFailed);
            }
        }
        return answer;
    }

    /** What the request log says of a request besides its answer: filled in as far as the request got. */
    private static final class Seen {
        private String operation = "-";
        private String instanceId;
    }

    private Answer operate(String method, String rawPath, String rawQuery, RequestHeaders headers, byte[] body, UUID requestId,
                           Seen seen) {
        try {
            signatures.ifPresent(check -> check.verify(method, rawPath, rawQuery, headers, body));
            Router.Match match = router.match(method, rawPath).orElseThrow(
                    () -> new MalformedRequest(404, "UnknownOperationException", "No operation at " + method + " " + rawPath));
            seen.operation = match.operation();
            seen.instanceId = match.labels().get("InstanceId");
            HttpMembers members = new HttpMembers(JsonBodies.parse(body));
            if (seen.instanceId == null) {
                seen.instanceId = instanceIdIn(members);
            }
            ObjectNode result = match.handler().apply(new WireRequest(match.labels(), query(rawQuery), members));
            return Answer.ok(result);
        } catch (MalformedRequest e) {
            return Answer.error(e.status(), e.errorType(), e.getMessage());
        } catch (InternalServiceException e) {
            Answer failure = internalFailure(requestId, e.errorType(), e);
            failure.body().put("ReasonCode", e.reason().name());
            return failure;
        } catch (ConnectException e) {
            return Answer.refusal(ErrorStatus.of(e), e.errorType(), e.getMessage(), e.reason().name());
        } catch (RuntimeException e) {
            return internalFailure(requestId, "InternalServiceException", e);
        }
    }

    private static String instanceIdIn(HttpMembers members) {
        try {
            return members.string("InstanceId");
        } catch (MalformedRequest notAString) {
            return null;
        }
    }

    private static Answer health(Supplier<HttpHealth> check) {
        HttpHealth health;
        try {
            health = java.util.Objects.requireNonNull(check.get(), "the health check answered null");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the health check failed", e);
            health = HttpHealth.down("unknown", "the health check failed: " + e.getClass().getSimpleName());
        }
        Answer answer = health.up() ? Answer.ok(Wire.object())
                : Answer.error(503, "ServiceUnavailableException", "The store does not answer: " + health.detail());
        answer.body().put("Status", health.up() ? "UP" : "DOWN").put("Store", health.store());
        return answer;
    }

    private static void log(UUID requestId, Seen seen, Answer answer, long started) {
        if (!REQUESTS.isLoggable(System.Logger.Level.INFO)) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode reason = answer.body().get("ReasonCode");
        REQUESTS.log(System.Logger.Level.INFO, String.format("%s instance=%s status=%d error=%s reason=%s %d ms request=%s",
                seen.operation, printable(seen.instanceId), answer.status(), answer.errorType() == null ? "-" : answer.errorType(),
                reason == null ? "-" : reason.asText(), (System.nanoTime() - started) / 1_000_000, requestId));
    }

    /** A client's id as one log line can carry it: no line breaks or other controls, no spaces, at most 128 characters. */
    static String printable(String id) {
        if (id == null) {
            return "-";
        }
        StringBuilder printable = new StringBuilder();
        id.codePoints().limit(LOGGED_ID_CHARS).forEach(c -> printable.appendCodePoint(Character.isISOControl(c)
                || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT ? '?' : c));
        return id.codePointCount(0, id.length()) > LOGGED_ID_CHARS ? printable.append("...").toString() : printable.toString();
    }

    /** The query's parameters, percent-decoded as UTF-8, each with its values in the order sent. */
    private static Map<String, java.util.List<String>> query(String rawQuery) {
        org.eclipse.jetty.util.Fields fields = new org.eclipse.jetty.util.Fields(true);
        try {
            if (rawQuery != null) {
                org.eclipse.jetty.util.UrlEncoded.decodeUtf8To(rawQuery, fields);
            }
        } catch (RuntimeException e) {
            throw MalformedRequest.serialization("the query string cannot be decoded: " + e.getMessage());
        }
        Map<String, java.util.List<String>> query = new java.util.LinkedHashMap<>();
        for (org.eclipse.jetty.util.Fields.Field field : fields) {
            query.put(field.getName(), java.util.List.copyOf(field.getValues()));
        }
        return query;
    }

    /** Why the body never arrived whole: too large, too slow, or the client went away (then no one hears an answer). */
    private static void unreadable(Response response, Callback callback, UUID requestId, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof IllegalStateException) {
            Answer.send(response, callback, requestId, tooLarge());
        } else if (cause instanceof TimeoutException) {
            Answer.send(response, callback, requestId, Answer.error(408, "RequestTimeoutException",
                    "The request body did not arrive in time").closing());
        } else {
            callback.failed(cause);
        }
    }

    static Answer tooLarge() {
        return Answer.error(413, "RequestEntityTooLargeException",
                "The request body is larger than " + HttpConnectServer.MAX_BODY_BYTES + " bytes (1 MiB)").closing();
    }

    /**
     * What a client learns of a failure inside the server: that it happened, and the request id under
     * which the server's log keeps the detail. Statements, table names and driver text stay in the log.
     */
    private static Answer internalFailure(UUID requestId, String errorType, RuntimeException failure) {
        LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed inside the server", failure);
        return Answer.error(500, errorType, "The request failed inside the server; its log has the detail under request id " + requestId);
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
}
