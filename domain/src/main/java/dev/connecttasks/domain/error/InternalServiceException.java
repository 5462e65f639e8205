package dev.connecttasks.domain.error;

/** Request processing failed because of an error or failure with the service (a port failed). */
public final class InternalServiceException extends ConnectException {

    public InternalServiceException(Reason reason, String message) {
        super(reason, message, null);
    }

    public InternalServiceException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
