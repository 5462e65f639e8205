package dev.connecttasks.application.service;

import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InternalServiceException;
import dev.connecttasks.domain.error.Reason;
import java.util.function.Supplier;

/** The one place where whatever escapes a port becomes InternalServiceException ADAPTER_FAILURE, cause attached. */
final class PortFailures {

    private PortFailures() {
    }

    static <T> T guarded(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConnectException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InternalServiceException(Reason.ADAPTER_FAILURE, operation + " failed in an adapter: " + e, e);
        }
    }

    static void guarded(String operation, Runnable call) {
        guarded(operation, () -> {
            call.run();
            return null;
        });
    }
}
