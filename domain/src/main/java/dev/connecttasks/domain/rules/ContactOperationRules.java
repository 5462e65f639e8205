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
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DescribeContact, GetContactAttributes, UpdateContactAttributes, StopContact,
 * UpdateContactSchedule, UpdateContact and ListContactReferences (behaviour.md, "The other contact operations"). Each checks, in order:
 * 1 its rate bucket, 2 its members, 3 the instance ({@link #admit}, {@link #admitAttributeUpdate},
 * before any transaction); then, on the contact the caller read: 4 the contact exists
 * ({@link #existing}), 5 the operation's own rule ({@link #mergedScope}, {@link #stop}, {@link #reschedule}).
 */
public final class ContactOperationRules {

    /** The name in a throttled contact operation's message: they share one bucket per instance. */
    private static final String OPERATION = "Contact operation";

    /** The API model's ReferenceType: what ListContactReferences may ask for, a wider set than a task is created with. */
    public static final List<String> LISTED_REFERENCE_TYPES = List.of("URL", "ATTACHMENT", "CONTACT_ANALYSIS", "NUMBER", "STRING", "DATE",
            "EMAIL", "EMAIL_MESSAGE", "EMAIL_MESSAGE_PLAIN_TEXT", "EMAIL_MESSAGE_PLAIN_TEXT_REDACTED", "EMAIL_MESSAGE_REDACTED");
    private static final int MAX_REFERENCE_TYPES = 6;

    private final TaskPolicy policy;

    public ContactOperationRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** Steps 1-3 of DescribeContact, GetContactAttributes, StopContact and UpdateContactSchedule. */
    public static void admit(Optional<String> instanceId, Optional<String> contactId, String contactMember, AdmissionFacts facts) {
        admit(instanceId, contactId, contactMember, facts, () -> { });
    }

    /** Steps 1-3 with the operation's own members checked after the ids (ListContactReferences' ReferenceTypes). */
    public static void admit(Optional<String> instanceId, Optional<String> contactId, String contactMember, AdmissionFacts facts,
                             Runnable otherMembers) {
        Admission.rate(facts, OPERATION);                           // 1
        ids(instanceId, contactId, contactMember);                  // 2
        otherMembers.run();                                         // 2
        Admission.instance(facts, instanceId.orElseThrow());        // 3
    }

    /**
     * Steps 1-3 of UpdateContact: the ids, then Name, Description, References and SegmentAttributes
     * by the rules they have at creation (of the system keys only {@code connect:ContactExpiry}), and
     * at least one of them.
     */
    public static void admitUpdate(UpdateContactRequest r, AdmissionFacts facts) {
        Admission.rate(facts, OPERATION);                                                               // 1
        ids(r.instanceId(), r.contactId(), "ContactId");                                                // 2
        Refusals.optionalText(r.name(), "Name", 0, 1024);
        Refusals.optionalText(r.description(), "Description", 0, 4096);
        MemberRules.references(r.references());
        MemberRules.updatableSegmentAttributes(r.segmentAttributes());
        if (r.name().isEmpty() && r.description().isEmpty() && r.references().isEmpty() && r.segmentAttributes().isEmpty()) {
            throw new InvalidParameterException(Reason.MISSING_PARAMETER,
                    "UpdateContact needs at least one of Name, Description, References or SegmentAttributes");
        }
        Admission.instance(facts, r.instanceId().orElseThrow());                                        // 3
    }

    /**
     * Step 5 of UpdateContact, on ongoing and ended contacts alike: Name and Description are
     * replaced, References merged by name (new values win). A new {@code connect:ContactExpiry}
     * gives a task a new expiry duration, counted from where its first one was (the later of
     * initiation and schedule); it is refused on a contact that is no task, on a task that has
     * ended, and where the new expiry would not lie after now.
     */
    public static Contact update(Contact contact, UpdateContactRequest r, Instant now) {
        Optional<java.time.Duration> expiry = MemberRules.expiryOverride(r.segmentAttributes());
        Map<String, SegmentAttributeValue> segments = new java.util.HashMap<>(contact.segmentAttributes());
        if (expiry.isPresent()) {
            if (!contact.isTask()) {
                throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes " + StartTaskContactRequest.CONTACT_EXPIRY
                        + " applies to tasks only; contact " + contact.contactId() + " is " + contact.channel());
            }
            if (!contact.isOpen(now)) {
                throw new InvalidRequestException(Reason.CONTACT_NOT_ACTIVE, "Contact " + contact.contactId() + " has already ended ("
                        + contact.disconnectReason(now).map(Enum::name).orElse("ended") + "), so its expiry cannot move");
            }
            Instant expiresAt = contact.expiryStart().plus(expiry.get());
            if (!expiresAt.isAfter(now)) {
                throw new InvalidParameterException(Reason.INVALID_SEGMENT_ATTRIBUTE, "SegmentAttributes " + StartTaskContactRequest.CONTACT_EXPIRY
                        + " ExpiryDuration of " + expiry.get().toMinutes() + " minutes would end the task at " + expiresAt
                        + ", which is not after now (" + now + ")");
            }
            segments.putAll(r.segmentAttributes());
        }
        Map<String, Reference> references = new java.util.HashMap<>(contact.references());
        references.putAll(r.references());
        return contact.updated(r.name().orElse(contact.name()), r.description().or(contact::description), references, segments,
                expiry.or(contact::expiryDuration));
    }

    /** A task's template changes at most this often (the API model's documentation of UpdateContactTaskTemplate). */
    public static final int MAX_TEMPLATE_CHANGES = 5;

    /** Step 2 of UpdateContactTaskTemplate, after the ids: TaskTemplateId. */
    public static String taskTemplateId(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest r) {
        return Refusals.required(r.taskTemplateId(), "TaskTemplateId", 1, 500);
    }

    /**
     * Step 5 of UpdateContactTaskTemplate: a task in progress, another template than its own, ACTIVE,
     * fewer than 5 changes so far, and the task's references fit the template's fields. The task then
     * names the template (its latest version); the flow it runs stays.
     */
    public static Contact changeTemplate(Contact contact, Optional<dev.connecttasks.domain.template.TaskTemplate> found, String templateId,
                                         Instant now) {
        if (!contact.isTask()) {
            throw new InvalidRequestException(Reason.NOT_A_TASK, "Contact " + contact.contactId() + " is " + contact.channel()
                    + "; UpdateContactTaskTemplate changes tasks only");
        }
        if (!contact.isOpen(now)) {
            throw new InvalidRequestException(Reason.CONTACT_NOT_ACTIVE, "Contact " + contact.contactId() + " has already ended ("
                    + contact.disconnectReason(now).map(Enum::name).orElse("ended") + ")");
        }
        dev.connecttasks.domain.template.TaskTemplate template = found.orElseThrow(() -> TaskTemplateRules.notFound(templateId));
        dev.connecttasks.domain.flow.ResolvedFlow flow = contact.flow().orElseThrow();
        if (flow.source() == dev.connecttasks.domain.flow.FlowSource.TASK_TEMPLATE && flow.sourceId().equals(templateId)) {
            throw new InvalidRequestException(Reason.TEMPLATE_UNCHANGED, "Contact " + contact.contactId() + " already uses TaskTemplateId "
                    + templateId);
        }
        if (template.status() != dev.connecttasks.domain.template.TemplateStatus.ACTIVE) {
            throw new InvalidRequestException(Reason.TEMPLATE_INACTIVE, "TaskTemplateId " + templateId + " is INACTIVE; a task can move only to an "
                    + "ACTIVE template");
        }
        if (contact.templateChanges() >= MAX_TEMPLATE_CHANGES) {
            throw new LimitExceededException(Reason.TEMPLATE_CHANGE_LIMIT, "Contact " + contact.contactId() + " changed its template "
                    + contact.templateChanges() + " times, the most allowed is " + MAX_TEMPLATE_CHANGES);
        }
        TemplateFieldRules.fits(contact, template);
        return contact.withTemplate(new dev.connecttasks.domain.flow.ResolvedFlow(flow.contactFlowId(),
                dev.connecttasks.domain.flow.FlowSource.TASK_TEMPLATE, templateId, Optional.of(template.version())));
    }

    /** Step 2 of ListContactReferences, after the ids: ReferenceTypes is required and holds the model's types; no page token was ever issued. */
    public static java.util.Set<String> referenceTypes(ListContactReferencesRequest r) {
        List<String> types = r.referenceTypes().orElseThrow(() -> new InvalidParameterException(Reason.MISSING_PARAMETER,
                "ReferenceTypes is required"));
        if (types.size() > MAX_REFERENCE_TYPES) {
            throw new InvalidParameterException(Reason.INVALID_LENGTH, "ReferenceTypes must have at most " + MAX_REFERENCE_TYPES
                    + " entries (was " + types.size() + ")");
        }
        for (String type : types) {
            if (!LISTED_REFERENCE_TYPES.contains(type)) {
                throw new InvalidParameterException(Reason.INVALID_VALUE, "ReferenceTypes must each be one of " + LISTED_REFERENCE_TYPES
                        + " (was '" + MemberRules.abbreviate(type) + "')");
            }
        }
        r.nextToken().ifPresent(token -> {
            throw new InvalidParameterException(Reason.INVALID_VALUE, "NextToken '" + MemberRules.abbreviate(token)
                    + "' was not issued by ListContactReferences: every answer holds all of a contact's references");
        });
        return java.util.Set.copyOf(types);
    }

    /** The contact's references of the given types, by name. */
    public static List<Map.Entry<String, Reference>> references(Contact contact, java.util.Set<String> types) {
        return contact.references().entrySet().stream().filter(e -> types.contains(e.getValue().type().orElseThrow()))
                .sorted(Map.Entry.comparingByKey()).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
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
