package dev.connecttasks.testkit.support;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import java.util.function.Supplier;

/** What a call came to, in the terms tests compare: a value, or (exception type, reason). */
public record Outcome(String value, String errorType, Reason reason) {

    public static Outcome ok(Object value) {
        return new Outcome(String.valueOf(value), null, null);
    }

    public static Outcome error(String errorType, Reason reason) {
        return new Outcome(null, errorType, reason);
    }

    public static Outcome of(Supplier<?> call) {
        try {
            return ok(call.get());
        } catch (ConnectException e) {
            return error(e.errorType(), e.reason());
        }
    }

    public boolean isOk() {
        return errorType == null;
    }

    @Override
    public String toString() {
        return isOk() ? "ok(" + value + ")" : errorType + "(" + reason + ")";
    }
}
