package dev.connecttasks.conformance;

import dev.connecttasks.domain.rules.AdmissionFacts;
import java.util.Set;

/** What the domain's admission steps are told, fixed by a test: whether the rate allows the call, and the instances that exist. */
record FixedAdmissionFacts(boolean rateAllowed, Set<String> instances) implements AdmissionFacts {

    @Override
    public boolean instanceExists(String instanceId) {
        return instances.contains(instanceId);
    }
}
