package dev.connecttasks.domain.error;

/** The specified resource was not found. */
public final class ResourceNotFoundException extends ConnectException {

    public ResourceNotFoundException(Reason reason, String message) {
        super(reason, message, null);
    }

    public ResourceNotFoundException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
