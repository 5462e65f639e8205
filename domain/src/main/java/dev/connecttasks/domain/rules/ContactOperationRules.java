package dev.connecttasks.domain.rules;

import static dev.connecttasks.domain.rules.Refusals.required;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.error.ContactNotFoundException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.LimitExceededException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * DescribeContact, GetContactAttributes, UpdateContactAttributes, StopContact and
 * UpdateContactSchedule (behaviour.md, "The other contact operations"). Each checks, in order:
 * 1 its rate bucket, 2 its members, 3 the instance ({@link #admit}, {@link #admitAttributeUpdate},
 * before any transaction); then, on the contact the caller read: 4 the contact exists
 * ({@link #existing}), 5 the operation's own rule ({@link #mergedScope}, {@link #stop}, {@link #reschedule}).
 */
public final class ContactOperationRules {

    /** The name in a throttled contact operation's message: they share one bucket per instance. */
    private static final String OPERATION = "Contact operation";

    private final TaskPolicy policy;

    public ContactOperationRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** Steps 1-3 of DescribeContact, GetContactAttributes, StopContact and UpdateContactSchedule. */
    public static void admit(Optional<String> instanceId, Optional<String> contactId, String contactMember, AdmissionFacts facts) {
        Admission.rate(facts, OPERATION);                           // 1
        ids(instanceId, contactId, contactMember);                  // 2
        Admission.instance(facts, instanceId.orElseThrow());        // 3
    }

    /** Steps 1-3 of UpdateContactAttributes: its members include the key alphabet and the request's own size. */
    public void admitAttributeUpdate(UpdateContactAttributesRequest r, AdmissionFacts facts) {
        Admission.rate(facts, OPERATION);                                       // 1
        ids(r.instanceId(), r.initialContactId(), "InitialContactId");          // 2
        MemberRules.attributes(r.attributes(), policy, "Attributes");           // 2
        Admission.instance(facts, r.instanceId().orElseThrow());                // 3
    }

    private static void ids(Optional<String> instanceId, Optional<String> contactId, String contactMember) {
        required(instanceId, "InstanceId", 1, 100);
        required(contactId, contactMember, 1, 256);
    }

    public static Contact existing(Optional<Contact> contact, String contactId) {
        return contact.orElseThrow(() -> new ResourceNotFoundException(Reason.CONTACT, "Contact " + contactId + " was not found in this instance"));
    }

    /** The scope after an update, refused when the merge passes the policy's byte limit. */
    public Map<String, String> mergedScope(Map<String, String> scope, Map<String, String> update) {
        Map<String, String> merged = Attributes.merge(scope, update);
        long size = Attributes.utf8Size(merged);
        if (size > policy.attributeBytesPerScope()) {
            throw new InvalidParameterException(Reason.ATTRIBUTES_TOO_LARGE, "Attributes would make the contact's attributes " + size
                    + " UTF-8 bytes, over the limit of " + policy.attributeBytesPerScope());
        }
        return merged;
    }

    /** StopContact: an open contact ends now with reason API; an ended one answers 410. */
    public static Contact stop(Contact contact, Instant now) {
        if (!contact.isOpen(now)) {
            throw new ContactNotFoundException(Reason.CONTACT_NOT_ACTIVE, "Contact " + contact.contactId() + " has already ended ("
                    + contact.disconnectReason(now).map(Enum::name).orElse("ended") + ")");
        }
        return contact.stopped(now);
    }

    /** UpdateContactSchedule: only a task still waiting for its time; same window; bounded reschedules. */
    public Contact reschedule(Contact contact, Optional<Instant> newTime, Instant now) {
        Instant time = newTime.orElseThrow(() -> new InvalidParameterException(Reason.MISSING_PARAMETER, "ScheduledTime is required"));
        if (!contact.isScheduledAfter(now)) {
            throw new InvalidRequestException(Reason.CONTACT_NOT_SCHEDULED, "Contact " + contact.contactId()
                    + " is not a task waiting for its ScheduledTime, so it cannot be rescheduled");
        }
        StartTaskRules.scheduledTime(Optional.of(time), now, policy);
        if (contact.rescheduleCount() >= policy.reschedulesPerTask()) {
            throw new LimitExceededException(Reason.RESCHEDULE_LIMIT, "Contact " + contact.contactId() + " was already rescheduled "
                    + contact.rescheduleCount() + " times, the most allowed is " + policy.reschedulesPerTask());
        }
        return contact.rescheduled(time);
    }
}
