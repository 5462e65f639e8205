package dev.connecttasks.domain.policy;

/**
 * The two readings of the service's 12-link limit (its documentation words it both ways): the tasks
 * created with one PreviousContactId, or every linked task of one chain (all that share an
 * InitialContactId). The first is the default.
 */
public enum LinkedTaskCounting {
    /** "12 task contacts can be created that share the same PreviousContactId". */
    PER_PREVIOUS_CONTACT,
    /** "A maximum of 12 linked task contacts in a chain": the chain's tasks that have a PreviousContactId. */
    PER_CHAIN
}
