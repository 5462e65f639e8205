package dev.connecttasks.domain.error;

/** A task's references conflict with the fields of the template it is moved to (UpdateContactTaskTemplate). */
public final class PropertyValidationException extends ConnectException {

    public PropertyValidationException(Reason reason, String message) {
        super(reason, message, null);
    }
}
