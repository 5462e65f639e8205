package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ThrottlingException;

/** The admission steps every operation shares: its rate bucket, then (after its members) its instance. */
public final class Admission {

    private Admission() {
    }

    /** Refuses with ThrottlingException RATE_EXCEEDED when the operation's bucket had no token. */
    public static void rate(AdmissionFacts facts, String operation) {
        if (!facts.rateAllowed()) {
            throw new ThrottlingException(Reason.RATE_EXCEEDED, operation + " rate exceeded for this instance; retry later");
        }
    }

    /** Refuses with ResourceNotFoundException INSTANCE when the instance does not exist. */
    public static void instance(AdmissionFacts facts, String instanceId) {
        if (!facts.instanceExists(instanceId)) {
            throw instanceNotFound(instanceId);
        }
    }

    public static ResourceNotFoundException instanceNotFound(String instanceId) {
        return new ResourceNotFoundException(Reason.INSTANCE, "InstanceId " + instanceId + " was not found");
    }
}
