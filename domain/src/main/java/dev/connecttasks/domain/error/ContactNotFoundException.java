package dev.connecttasks.domain.error;

/** The contact exists but is no longer active. */
public final class ContactNotFoundException extends ConnectException {

    public ContactNotFoundException(Reason reason, String message) {
        super(reason, message, null);
    }

    public ContactNotFoundException(Reason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
