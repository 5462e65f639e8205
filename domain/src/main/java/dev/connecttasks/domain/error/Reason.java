package dev.connecttasks.domain.error;

/** Every reason code of behaviour.md. Tests compare (exception type, reason), never message text. */
public enum Reason {
    // member rules, behaviour.md 3.1
    MISSING_PARAMETER,
    INVALID_LENGTH,
    /** DECISION: an unpaired UTF-16 surrogate in any member, or U+0000 in a text member. */
    INVALID_CHARACTERS,
    INVALID_ATTRIBUTE_KEY,
    ATTRIBUTES_TOO_LARGE,
    INVALID_REFERENCE,
    SCHEDULED_TIME_IN_PAST,
    SCHEDULED_TIME_TOO_FAR,
    INVALID_SEGMENT_ATTRIBUTE,
    /** DECISION: a Tags map over 50 entries, or a key outside the model's pattern (one starting {@code aws:}). */
    INVALID_TAG,
    /** DECISION: an administrative member with a value outside its enum or form. */
    INVALID_VALUE,
    /** DECISION: a NextToken that no answer of this listing issued (altered, made up, or from another listing). */
    INVALID_NEXT_TOKEN,
    // request shape, 3.2 step 3
    PREVIOUS_AND_RELATED,
    MULTIPLE_FLOW_SOURCES,
    NO_FLOW_SOURCE,
    // not found
    INSTANCE,
    PREVIOUS_CONTACT,
    RELATED_CONTACT,
    CONTACT_FLOW,
    QUICK_CONNECT,
    TASK_TEMPLATE,
    CONTACT,
    /** DECISION: a resource ARN that names nothing this service hands out (another account, region, kind or a malformed one). */
    RESOURCE,
    // idempotency
    CLIENT_TOKEN_REUSED,
    // flow resolution, section 4
    FLOW_NOT_USABLE,
    QUICK_CONNECT_HAS_NO_FLOW,
    TEMPLATE_INACTIVE,
    TEMPLATE_HAS_NO_FLOW,
    // templates, section 6
    TEMPLATE_FIELD_MISSING,
    TEMPLATE_FIELD_INVALID,
    // quotas and rates
    LINKED_TASKS,
    ACTIVE_TASKS,
    RATE_EXCEEDED,
    /** DECISION: UpdateContactSchedule past the policy's reschedule limit. */
    RESCHEDULE_LIMIT,
    /** UpdateContactTaskTemplate: at most 5 template changes a task (the API model's documentation). */
    TEMPLATE_CHANGE_LIMIT,
    /** UpdateContactTaskTemplate: the task already uses that template. */
    TEMPLATE_UNCHANGED,
    /** An operation for tasks only, called on a contact of another channel. */
    NOT_A_TASK,
    /** TransferContact: both QueueId and UserId given. */
    TRANSFER_TARGETS,
    /** TransferContact: a task is transferred at most 11 times (the service's feature table). */
    TRANSFER_LIMIT,
    // other contact operations, section 7
    CONTACT_NOT_ACTIVE,
    CONTACT_NOT_SCHEDULED,
    /** DECISION: StartTaskContact's Attachments, which connect-tasks does not keep (the wire refuses them after checking them). */
    ATTACHMENTS_NOT_SUPPORTED,
    /** DECISION: a member of the API model that routes through queues, agents or endpoints, which connect-tasks has not. */
    MEMBER_NOT_SUPPORTED,
    /** DECISION: the service's clock outside the instants every store can keep (InstantRange). */
    TIME_OUT_OF_RANGE,
    // ports
    ADAPTER_FAILURE
}
