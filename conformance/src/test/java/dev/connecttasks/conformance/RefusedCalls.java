package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;

/** A call refused by type and reason, its message naming what was refused. */
final class RefusedCalls {

    private RefusedCalls() {
    }

    static void refused(Class<? extends ConnectException> type, Reason reason, String named, Runnable call) {
        ConnectException refusal = catchThrowableOfType(ConnectException.class, call::run);
        assertThat(refusal).as(named).isInstanceOf(type);
        assertThat(refusal.reason()).as(named).isEqualTo(reason);
        assertThat(refusal.getMessage()).as(named).contains(named);
    }
}
