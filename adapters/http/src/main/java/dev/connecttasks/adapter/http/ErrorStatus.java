package dev.connecttasks.adapter.http;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.error.ThrottlingException;

/** The HTTP status the service answers each of its errors with (behaviour.md section 8). */
final class ErrorStatus {

    private ErrorStatus() {
    }

    static int of(ConnectException e) {
        if (e instanceof InvalidParameterException || e instanceof InvalidRequestException
                || e instanceof dev.connecttasks.domain.error.PropertyValidationException) {
            return 400;
        }
        if (e instanceof ServiceQuotaExceededException) {
            return 402;
        }
        if (e instanceof ResourceNotFoundException) {
            return 404;
        }
        if (e instanceof dev.connecttasks.domain.error.IdempotencyException) {
            return 409;
        }
        if (e instanceof ContactNotFoundException) {
            return 410;
        }
        if (e instanceof ThrottlingException || e instanceof LimitExceededException) {
            return 429;
        }
        if (e instanceof InternalServiceException) {
            return 500;
        }
        throw new IllegalArgumentException("no status for " + e.getClass().getName());
    }
}
