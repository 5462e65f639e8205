package dev.connecttasks.domain.error;

/** A per-resource limit has been reached. */
public final class LimitExceededException extends ConnectException {

    public LimitExceededException(Reason reason, String message) {
        super(reason, message, null);
    }

    public LimitExceededException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
