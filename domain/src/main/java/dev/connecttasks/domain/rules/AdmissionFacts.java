package dev.connecttasks.domain.rules;

/**
 * What the first steps of an operation are told before any store transaction opens. The rate
 * token is taken by the caller before the rules run (every request takes one, refused or not);
 * the rules only read its outcome, so they decide and never act.
 */
public interface AdmissionFacts {

    /** Step 1: whether the operation's rate bucket for this instance had a token when the call arrived. */
    boolean rateAllowed();

    /** Whether the instance, named by a member that already passed its own rule, exists. */
    boolean instanceExists(String instanceId);
}
