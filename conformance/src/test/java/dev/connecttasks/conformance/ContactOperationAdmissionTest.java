package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.domain.request.TransferContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.domain.rules.AdmissionFacts;
import dev.connecttasks.domain.rules.ContactOperationRules;
import dev.connecttasks.domain.rules.OutboundVoiceRules;
import dev.connecttasks.domain.rules.TransferRules;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contact operations' first steps: their members refused by name on the service, and the rules'
 * own instance check, which an application embedding the domain core without this project's
 * service relies on (the service's store would refuse an unknown instance later anyway).
 */
class ContactOperationAdmissionTest {

    private static final AdmissionFacts NO_INSTANCE = new FixedAdmissionFacts(true, Set.of());

    @Test
    void eachRulesRefuseAnUnknownInstanceThemselves() {
        TaskPolicy policy = TaskPolicy.defaults();
        RefusedCalls.refused(ResourceNotFoundException.class, Reason.INSTANCE, "InstanceId i-9", () -> new TransferRules(policy)
                .admit(TransferContactRequest.of("i-9", "c-1", "f-1", "q-1", null, null), NO_INSTANCE));
        RefusedCalls.refused(ResourceNotFoundException.class, Reason.INSTANCE, "InstanceId i-9", () -> new OutboundVoiceRules(policy)
                .admit(StartOutboundVoiceContactRequest.builder().instanceId("i-9").contactFlowId("f-1").destinationPhoneNumber("+441632960000")
                        .build(), NO_INSTANCE));
        RefusedCalls.refused(ResourceNotFoundException.class, Reason.INSTANCE, "InstanceId i-9", () -> ContactOperationRules
                .admitUpdate(UpdateContactRequest.builder().instanceId("i-9").contactId("c-1").name("n").build(), NO_INSTANCE));
        RefusedCalls.refused(ResourceNotFoundException.class, Reason.INSTANCE, "InstanceId i-9", () -> new ContactOperationRules(policy)
                .admitAttributeUpdate(UpdateContactAttributesRequest.builder().instanceId("i-9").initialContactId("c-1")
                        .attributes(Map.of("k", "v")).build(), NO_INSTANCE));
    }

    @Test
    void aTransfersAndAnUpdatesMembersAreRefusedByNameAndTheTaskStaysAsItWas() {
        World w = World.defaults();
        RefusedCalls.refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "QueueId", () -> w.service.transferContact(
                TransferContactRequest.of(w.instance, w.root, w.flow, "q".repeat(257), null, null)));
        RefusedCalls.refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "UserId", () -> w.service.transferContact(
                TransferContactRequest.of(w.instance, w.root, w.flow, null, "", null)));
        RefusedCalls.refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "ClientToken", () -> w.service.transferContact(
                TransferContactRequest.of(w.instance, w.root, w.flow, "queue", null, "t".repeat(501))));
        RefusedCalls.refused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "ContactId", () -> w.service.updateContact(
                UpdateContactRequest.builder().instanceId(w.instance).name("renamed").build()));
        RefusedCalls.refused(InvalidParameterException.class, Reason.INVALID_LENGTH, "ContactId", () -> w.service.updateContact(
                UpdateContactRequest.builder().instanceId(w.instance).contactId("c".repeat(257)).name("renamed").build()));
        var task = w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(w.root).build());
        assertThat(task.state()).isEqualTo(ContactState.OPEN);
        assertThat(task.contact().name()).isNotEqualTo("renamed");
        String queueTransfer = w.flow(w.instance, "QUEUE_TRANSFER", "PUBLISHED");
        assertThat(w.service.transferContact(TransferContactRequest.of(w.instance, w.root, queueTransfer, "q".repeat(256), null, "t".repeat(500)))
                .contactId()).as("at the edges: taken").isNotBlank();
    }
}
