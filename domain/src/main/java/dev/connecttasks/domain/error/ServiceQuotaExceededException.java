package dev.connecttasks.domain.error;

/** The service quota has been exceeded. */
public final class ServiceQuotaExceededException extends ConnectException {

    public ServiceQuotaExceededException(Reason reason, String message) {
        super(reason, message, null);
    }

    public ServiceQuotaExceededException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
