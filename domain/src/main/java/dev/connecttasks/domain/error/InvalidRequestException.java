package dev.connecttasks.domain.error;

/** The request is not valid. */
public final class InvalidRequestException extends ConnectException {

    public InvalidRequestException(Reason reason, String message) {
        super(reason, message, null);
    }

    public InvalidRequestException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
