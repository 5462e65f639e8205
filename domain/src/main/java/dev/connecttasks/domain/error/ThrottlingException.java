package dev.connecttasks.domain.error;

/** The throttling limit has been exceeded. */
public final class ThrottlingException extends ConnectException {

    public ThrottlingException(Reason reason, String message) {
        super(reason, message, null);
    }

    public ThrottlingException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
