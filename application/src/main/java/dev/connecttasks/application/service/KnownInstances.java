package dev.connecttasks.application.service;

import dev.connecttasks.application.port.out.InstanceDirectory;
import dev.connecttasks.domain.rules.Admission;
import dev.connecttasks.domain.rules.AdmissionFacts;
import dev.connecttasks.domain.rules.InstanceRules;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import java.util.Optional;
import java.util.function.Supplier;

/** The instance checks the services share: existence for the rules, and the InstanceId member then existence for set-up calls. */
final class KnownInstances {

    private final InstanceDirectory instances;

    KnownInstances(InstanceDirectory instances) {
        this.instances = instances;
    }

    /** What the admission rules read: the token's outcome, taken already, and whether an instance exists. */
    AdmissionFacts admission(boolean rateAllowed) {
        return facts(rateAllowed, instanceId -> instances.find(instanceId).isPresent());
    }

    /** As {@link #admission}, for a start, whose transaction confirms the instance ({@link InstanceDirectory#knownToExist}). */
    AdmissionFacts startAdmission(boolean rateAllowed) {
        return facts(rateAllowed, instances::knownToExist);
    }

    private static AdmissionFacts facts(boolean rateAllowed, java.util.function.Predicate<String> exists) {
        return new AdmissionFacts() {
            @Override
            public boolean rateAllowed() {
                return rateAllowed;
            }

            @Override
            public boolean instanceExists(String instanceId) {
                return exists.test(instanceId);
            }
        };
    }

    /**
     * {@code call}, whose refusal "not found" of something in the instance becomes the instance's own
     * where the instance is gone by then: the call ran into a deletion, and so came after it.
     */
    <T> T afterDeletionRefusedAsInstance(String instanceId, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceNotFoundException | ContactNotFoundException refused) {
            if (refused.reason() != Reason.INSTANCE && instances.find(instanceId).isEmpty()) {
                throw Admission.instanceNotFound(instanceId);
            }
            throw refused;
        }
    }

    /** The InstanceId member of a set-up call, then the instance: refused with the member's reason, or INSTANCE. */
    String existing(Optional<String> instanceId) {
        String id = InstanceRules.instanceId(instanceId);
        if (instances.find(id).isEmpty()) {
            throw Admission.instanceNotFound(id);
        }
        return id;
    }
}
