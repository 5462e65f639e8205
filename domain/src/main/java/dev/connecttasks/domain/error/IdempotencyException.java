package dev.connecttasks.domain.error;

/** A ClientToken used again with a different request, where the operation's model names this error (TransferContact). */
public final class IdempotencyException extends ConnectException {

    public IdempotencyException(Reason reason, String message) {
        super(reason, message, null);
    }
}
