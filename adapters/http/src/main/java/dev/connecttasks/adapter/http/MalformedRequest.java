package dev.connecttasks.adapter.http;

/**
 * A request the protocol layer refuses before it reaches the service: unreadable or ill-typed
 * JSON, an oversized body, an unknown path. Carries the status and the error type to send.
 */
final class MalformedRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorType;

    MalformedRequest(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    static MalformedRequest serialization(String message) {
        return new MalformedRequest(400, "SerializationException", message);
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }
}
