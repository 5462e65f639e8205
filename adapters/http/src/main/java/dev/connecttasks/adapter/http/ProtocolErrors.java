package dev.connecttasks.adapter.http;

import java.util.Map;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to a request it refused before any operation saw it (bad framing, an invalid URI or
 * Content-Length, headers past the limit, a server that is stopping), in the Connect error format
 * instead of Jetty's HTML page, so an SDK client raises an exception with the status and a message.
 */
final class ProtocolErrors implements Request.Handler {

    private static final Map<Integer, String> ERROR_TYPES = Map.of(
            408, "RequestTimeoutException",
            413, "RequestEntityTooLargeException",
            414, "RequestUriTooLongException",
            431, "RequestHeaderFieldsTooLargeException",
            500, "InternalServiceException",
            503, "ServiceUnavailableException",
            505, "HttpVersionNotSupportedException");

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = request.getAttribute(ErrorHandler.ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
        Object reason = request.getAttribute(ErrorHandler.ERROR_MESSAGE);
        Answer answer = Answer.error(status, errorType(status), describe(status, reason == null ? null : reason.toString())).closing();
        Answer.send(response, callback, ConnectRequests.requestId(), answer);
        return true;
    }

    /** 400 and any other refusal is InvalidRequestException: the service's own type for a request it cannot take. */
    static String errorType(int status) {
        return ERROR_TYPES.getOrDefault(status, "InvalidRequestException");
    }

    private static String describe(int status, String reason) {
        String detail = reason == null || reason.isBlank() ? "" : ": " + reason;
        return switch (status) {
            case 408 -> "The request did not arrive in time" + detail;
            case 431 -> "The request's header fields are larger than " + HttpConnectServer.MAX_HEADER_BYTES + " bytes" + detail;
            case 503 -> "The server is stopping" + detail;
            case 500 -> "The request failed inside the server";
            default -> "The request is not valid HTTP/1.1" + detail;
        };
    }
}
