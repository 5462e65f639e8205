package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Attributes;
import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.ResolvedFlow;
import dev.connecttasks.domain.policy.LinkedTaskCounting;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * StartTaskContact (behaviour.md, StartTaskContact's evaluation order): the first rule that fails decides. The order is read here and
 * nowhere else: {@link #admit} holds steps 1-4, which need no consistent view of the store;
 * {@link #decide} holds steps 5-12, which the caller runs inside one store transaction.
 */
public final class StartTaskRules {

    private final TaskPolicy policy;

    public StartTaskRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** Steps 1-4. */
    public void admit(StartTaskContactRequest request, AdmissionFacts facts) {
        throttling(facts);                        // 1
        MemberRules.check(request, policy);       // 2
        requestShape(request);                    // 3
        instance(request, facts);                 // 4
    }

    /** Steps 5-12. */
    public StartTaskDecision decide(StartTaskContactRequest request, TaskFacts facts, Instant now) {
        Optional<String> replayed = idempotency(request, facts, now);                 // 5
        if (replayed.isPresent()) {
            return new StartTaskDecision.Replay(replayed.get());
        }
        scheduledTime(request.scheduledTime(), now, policy);                          // 6
        Optional<Contact> linkedTo = linkedContact(request, facts);                   // 7
        ResolvedFlow flow = FlowResolver.resolve(request, facts);                     // 8
        TemplateFieldRules.Filled filled = templateFields(request, facts, flow);      // 9
        Map<String, String> scope = scopeAttributes(request, facts, linkedTo);        // 10
        quotas(request, facts, linkedTo);                                             // 11
        Duration expiry = MemberRules.expiryOverride(request.segmentAttributes()).orElse(policy.taskExpiry());
        Optional<String> chainScope = request.previousContactId().flatMap(p -> linkedTo.map(Contact::initialContactId));
        return new StartTaskDecision.Create(new TaskDraft(request, filled.name(), filled.description(), filled.references(), flow,   // 12
                chainScope, scope, expiry, now));
    }

    private static void throttling(AdmissionFacts facts) {
        Admission.rate(facts, "StartTaskContact");
    }

    private static void requestShape(StartTaskContactRequest r) {
        if (r.previousContactId().isPresent() && r.relatedContactId().isPresent()) {
            throw new InvalidRequestException(Reason.PREVIOUS_AND_RELATED, "PreviousContactId and RelatedContactId cannot both be given");
        }
        long sources = Stream.of(r.contactFlowId(), r.quickConnectId(), r.taskTemplateId()).filter(Optional::isPresent).count();
        if (sources > 1) {
            throw new InvalidRequestException(Reason.MULTIPLE_FLOW_SOURCES,
                    "Give only one of ContactFlowId, QuickConnectId and TaskTemplateId: the flow to run must be unique");
        }
        if (sources == 0) {
            throw new InvalidRequestException(Reason.NO_FLOW_SOURCE, "One of ContactFlowId, QuickConnectId or TaskTemplateId is required");
        }
    }

    private static void instance(StartTaskContactRequest r, AdmissionFacts facts) {
        Admission.instance(facts, r.instanceId().orElseThrow());
    }

    private Optional<String> idempotency(StartTaskContactRequest r, TaskFacts facts, Instant now) {
        return ClientTokenReplay.replayed(r.clientToken(), RequestFingerprint.of(r.withoutClientToken()), facts::clientToken, now,
                policy.clientTokenLifetime(), message -> new InvalidRequestException(Reason.CLIENT_TOKEN_REUSED, message));
    }

    /**
     * Shared with UpdateContactSchedule: not before the current second, not beyond the policy's window.
     * The current second is allowed whole because botocore and the AWS CLI send whole seconds, so a
     * task scheduled for "now" arrives up to a second in the past.
     */
    static void scheduledTime(Optional<Instant> scheduled, Instant now, TaskPolicy policy) {
        if (scheduled.isEmpty()) {
            return;
        }
        Instant t = scheduled.get();
        Instant earliest = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        if (t.isBefore(earliest)) {
            throw new InvalidParameterException(Reason.SCHEDULED_TIME_IN_PAST, "ScheduledTime " + t + " is before the current second ("
                    + earliest + "; now is " + now + ")");
        }
        if (t.isAfter(now.plus(policy.scheduleWindow()))) {
            throw new InvalidParameterException(Reason.SCHEDULED_TIME_TOO_FAR, "ScheduledTime " + t + " is more than "
                    + policy.scheduleWindow().toDays() + " days ahead (latest " + now.plus(policy.scheduleWindow()) + ")");
        }
    }

    private static Optional<Contact> linkedContact(StartTaskContactRequest r, TaskFacts facts) {
        if (r.previousContactId().isPresent()) {
            String id = r.previousContactId().get();
            return Optional.of(facts.contact(id).orElseThrow(() -> new ResourceNotFoundException(Reason.PREVIOUS_CONTACT,
                    "PreviousContactId " + id + " is not a contact of this instance")));
        }
        if (r.relatedContactId().isPresent()) {
            String id = r.relatedContactId().get();
            return Optional.of(facts.contact(id).orElseThrow(() -> new ResourceNotFoundException(Reason.RELATED_CONTACT,
                    "RelatedContactId " + id + " is not a contact of this instance")));
        }
        return Optional.empty();
    }

    private static TemplateFieldRules.Filled templateFields(StartTaskContactRequest r, TaskFacts facts, ResolvedFlow flow) {
        if (flow.source() != FlowSource.TASK_TEMPLATE) {
            return new TemplateFieldRules.Filled(r.name().orElseThrow(), r.description(), r.references());
        }
        return TemplateFieldRules.apply(r, FlowResolver.template(r, facts));
    }

    private Map<String, String> scopeAttributes(StartTaskContactRequest r, TaskFacts facts, Optional<Contact> linkedTo) {
        Map<String, String> base = linkedTo.map(c -> facts.scopeAttributes(c.initialContactId())).orElse(Map.of());
        Map<String, String> merged = Attributes.merge(base, r.attributes());
        long size = Attributes.utf8Size(merged);
        if (size > policy.attributeBytesPerScope()) {
            throw new InvalidParameterException(Reason.ATTRIBUTES_TOO_LARGE, "Attributes would make the "
                    + (r.previousContactId().isPresent() ? "chain's shared" : "copied") + " attributes " + size
                    + " UTF-8 bytes, over the limit of " + policy.attributeBytesPerScope());
        }
        return merged;
    }

    private void quotas(StartTaskContactRequest r, TaskFacts facts, Optional<Contact> linkedTo) {
        if (r.previousContactId().isPresent() && policy.linkedTaskCounting() == LinkedTaskCounting.PER_CHAIN) {
            String chain = linkedTo.orElseThrow().initialContactId();
            int linked = facts.chainLinkedTaskCount(chain);
            if (linked >= policy.linkedTasksPerContact()) {
                throw new ServiceQuotaExceededException(Reason.LINKED_TASKS, "The chain of InitialContactId " + chain + " (PreviousContactId "
                        + r.previousContactId().get() + ") already has " + linked + " linked tasks, the most allowed per chain is "
                        + policy.linkedTasksPerContact());
            }
        } else if (r.previousContactId().isPresent()) {
            int linked = facts.linkedTaskCount(r.previousContactId().get());
            if (linked >= policy.linkedTasksPerContact()) {
                throw new ServiceQuotaExceededException(Reason.LINKED_TASKS, "PreviousContactId " + r.previousContactId().get()
                        + " already has " + linked + " linked tasks, the most allowed is " + policy.linkedTasksPerContact());
            }
        }
        int open = facts.openTaskCount();
        if (open >= policy.openTasksPerInstance()) {
            throw new ServiceQuotaExceededException(Reason.ACTIVE_TASKS, "The instance already has " + open
                    + " open tasks, the most allowed is " + policy.openTasksPerInstance());
        }
    }

}
