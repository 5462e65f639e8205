package dev.connecttasks.domain.error;

import java.util.Objects;

/**
 * The service's errors, one sealed hierarchy named as Amazon Connect names them. Each carries a
 * {@link Reason}; the message names the member and the rule.
 */
public abstract sealed class ConnectException extends RuntimeException
        permits InvalidParameterException, InvalidRequestException, ResourceNotFoundException,
        ServiceQuotaExceededException, ThrottlingException, InternalServiceException,
        ContactNotFoundException, LimitExceededException, PropertyValidationException, IdempotencyException {

    private final Reason reason;

    ConnectException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** The exception's name as the service spells it, e.g. for the {@code X-Amzn-ErrorType} header. */
    public String errorType() {
        return getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return errorType() + "(" + reason + "): " + getMessage();
    }
}
