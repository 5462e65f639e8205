package dev.connecttasks.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.connecttasks.application.port.in.ConnectTasksService;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The wire protocol without a connection: a request's method, raw path, raw query and body in; the
 * status, headers and body the server would answer out. The same routes, members, errors and limits
 * as {@link HttpConnectServer}, for a client in the same process (the in-process SDK client), so the
 * two cannot drift apart. No signature is checked: nothing crosses a network.
 */
public final class HttpWireExchange {

    /** What the server would send: status, headers, JSON body. */
    public record Reply(int status, Map<String, String> headers, byte[] body) {
        public Reply {
            headers = Map.copyOf(headers);
        }
    }

    private final ConnectRequests requests;

    private HttpWireExchange(ConnectRequests requests) {
        this.requests = requests;
    }

    /** An exchange over {@code service}. */
    public static HttpWireExchange over(ConnectTasksService service) {
        return new HttpWireExchange(new ConnectRequests(HttpConnectServer.routes(service), Optional.empty(), Duration.ZERO,
                new BodyBudget(HttpConnectServer.MAX_BODY_BYTES), error -> { }, Optional.empty(), false));
    }

    /** Answers one request; {@code rawPath} and {@code rawQuery} as sent, percent-encoded ({@code rawQuery} may be null). */
    public Reply answer(String method, String rawPath, String rawQuery, byte[] body) {
        UUID requestId = ConnectRequests.requestId();
        Answer answer = body.length > HttpConnectServer.MAX_BODY_BYTES ? ConnectRequests.tooLarge()
                : requests.operate(method, rawPath, rawQuery, name -> java.util.List.of(), body, requestId);
        byte[] bytes;
        try {
            bytes = answer.bytes();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that is no JSON: " + e.getMessage(), e);
        }
        return new Reply(answer.status(), answer.headers(requestId, bytes.length), bytes);
    }
}
