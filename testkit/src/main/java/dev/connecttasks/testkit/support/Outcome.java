package dev.connecttasks.testkit.support;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import java.util.function.Supplier;

/** What a call came to, in the terms tests compare: a value, or (exception class, reason). */
public record Outcome(String value, Class<? extends ConnectException> errorType, Reason reason) {

    public static Outcome ok(Object value) {
        return new Outcome(String.valueOf(value), null, null);
    }

    public static Outcome error(Class<? extends ConnectException> errorType, Reason reason) {
        return new Outcome(null, errorType, reason);
    }

    /** The outcome of the exception the service threw. */
    public static Outcome of(ConnectException e) {
        return error(e.getClass(), e.reason());
    }

    public static Outcome of(Supplier<?> call) {
        try {
            return ok(call.get());
        } catch (ConnectException e) {
            return of(e);
        }
    }

    public boolean isOk() {
        return errorType == null;
    }

    @Override
    public String toString() {
        return isOk() ? "ok(" + value + ")" : errorType.getSimpleName() + "(" + reason + ")";
    }
}
