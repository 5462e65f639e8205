package dev.connecttasks.domain.rules;

import dev.connecttasks.domain.contact.Contact;
import dev.connecttasks.domain.contact.InitiationMethod;
import dev.connecttasks.domain.error.IdempotencyException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.flow.ContactFlow;
import dev.connecttasks.domain.flow.FlowSource;
import dev.connecttasks.domain.flow.FlowType;
import dev.connecttasks.domain.flow.ResolvedFlow;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.RequestFingerprint;
import dev.connecttasks.domain.request.TransferContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * TransferContact for tasks. Checks in order: 1 the contact operations' rate bucket, 2 the members
 * (ContactFlowId required; not both QueueId and UserId), 3 the instance; then in the instance's
 * transaction: 4 the ClientToken (the same request again answers the first transfer's contact;
 * another request with it is an IdempotencyException), 5 the contact (a task, in progress), 6 its
 * transfers so far (at most 11), 7 the flow (of the type the target needs, ACTIVE and PUBLISHED).
 * A transfer ends the task and records a new one, linked to it by PreviousContactId, in its chain.
 */
public final class TransferRules {

    public static final int MAX_TRANSFERS = 11;

    private final TaskPolicy policy;

    public TransferRules(TaskPolicy policy) {
        this.policy = policy;
    }

    /** Either the ended task and its successor (with the token to remember), or the contact a replay answers. */
    public sealed interface Decision {
        record Transfer(Contact ended, Contact successor, Optional<ClientTokenRecord> token) implements Decision {
        }

        record Replay(String contactId) implements Decision {
        }
    }

    public void admit(TransferContactRequest r, AdmissionFacts facts) {
        Admission.rate(facts, "TransferContact");                                             // 1
        InstanceRules.instanceId(r.instanceId());                                             // 2
        Refusals.required(r.contactId(), "ContactId", 1, 256);
        Refusals.required(r.contactFlowId(), "ContactFlowId", 1, 500);
        Refusals.optional(r.queueId(), "QueueId", 1, 256);
        Refusals.optional(r.userId(), "UserId", 1, 256);
        Refusals.optionalText(r.clientToken(), "ClientToken", 1, 500);
        if (r.queueId().isPresent() && r.userId().isPresent()) {
            throw new InvalidRequestException(Reason.TRANSFER_TARGETS, "QueueId and UserId cannot both be given: a task goes to a queue or to an agent");
        }
        Admission.instance(facts, r.instanceId().orElseThrow());                             // 3
    }

    /** Steps 4-7; {@code newId} is asked for an id only once every check has passed. */
    public Decision decide(TransferContactRequest r, RecordingFacts facts, Instant now, Supplier<String> newId) {
        String fingerprint = RequestFingerprint.of(r);
        Optional<String> replayed = ClientTokenReplay.replayed(r.clientToken(), fingerprint, facts::clientToken, now,  // 4
                policy.clientTokenLifetime(), message -> new IdempotencyException(Reason.CLIENT_TOKEN_REUSED, message));
        if (replayed.isPresent()) {
            return new Decision.Replay(replayed.get());
        }
        String id = r.contactId().orElseThrow();                                              // 5
        Contact task = ContactOperationRules.existing(facts.contact(id), id);
        if (!task.isTask()) {
            throw new InvalidRequestException(Reason.NOT_A_TASK, "Contact " + id + " is " + task.channel() + "; connect-tasks transfers tasks only");
        }
        if (!task.isOpen(now)) {
            throw new InvalidRequestException(Reason.CONTACT_NOT_ACTIVE, "Contact " + id + " has already ended ("
                    + task.disconnectReason(now).map(Enum::name).orElse("ended") + ")");
        }
        int transfers = transfersBefore(task, facts);                                         // 6
        if (transfers >= MAX_TRANSFERS) {
            throw new ServiceQuotaExceededException(Reason.TRANSFER_LIMIT, "Contact " + id + " was already transferred " + transfers
                    + " times, the most allowed is " + MAX_TRANSFERS);
        }
        FlowType wanted = r.userId().isPresent() ? FlowType.AGENT_TRANSFER : r.queueId().isPresent() ? FlowType.QUEUE_TRANSFER
                : FlowType.CONTACT_FLOW;
        String flowId = r.contactFlowId().orElseThrow();                                      // 7
        ContactFlow flow = facts.flow(flowId).orElseThrow(() -> ContactFlowRules.notFound(flowId));
        if (!flow.isUsableAs(wanted)) {
            throw new InvalidRequestException(Reason.FLOW_NOT_USABLE, "ContactFlowId " + flowId + " must be an ACTIVE, PUBLISHED " + wanted
                    + " flow to transfer " + (wanted == FlowType.CONTACT_FLOW ? "without a queue or agent" : "to a "
                    + (wanted == FlowType.AGENT_TRANSFER ? "UserId" : "QueueId")) + " (is " + flow.type() + ", " + flow.state() + ", "
                    + flow.status() + ")");
        }
        String successorId = newId.get();
        Instant expiresAt = task.expiresAt().orElseThrow();
        Contact successor = new Contact(task.instanceId(), successorId, task.channel(), InitiationMethod.TRANSFER, task.name(),
                task.description(), task.references(), Optional.of(new ResolvedFlow(flowId, FlowSource.CONTACT_FLOW, flowId, Optional.empty())),
                Optional.of(id), Optional.empty(), task.initialContactId(), now, Optional.empty(),
                Optional.of(Duration.between(now, expiresAt)), Optional.empty(), r.clientToken(), 0, task.segmentAttributes());
        return new Decision.Transfer(task.stopped(now), successor, r.clientToken().map(t -> new ClientTokenRecord(t, fingerprint, successorId, now)));
    }

    /** The transfers that made this task: its predecessors reached through PreviousContactId while each was itself a transfer. */
    private static int transfersBefore(Contact task, RecordingFacts facts) {
        int count = 0;
        Contact at = task;
        while (at.initiationMethod() == InitiationMethod.TRANSFER && at.previousContactId().isPresent() && count < MAX_TRANSFERS) {
            count++;
            Optional<Contact> before = facts.contact(at.previousContactId().get());
            if (before.isEmpty()) {
                break;
            }
            at = before.get();
        }
        return count;
    }
}
