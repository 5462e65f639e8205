package dev.connecttasks.domain.error;

/** One or more of the specified parameters are not valid. */
public final class InvalidParameterException extends ConnectException {

    public InvalidParameterException(Reason reason, String message) {
        super(reason, message, null);
    }

    public InvalidParameterException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
