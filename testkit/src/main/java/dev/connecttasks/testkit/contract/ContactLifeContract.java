package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.in.ListContactReferencesResponse.Listed;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.ListContactReferencesRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.StartOutboundVoiceContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * UpdateContact and ListContactReferences through the service on a store: the edits kept, the
 * refusals that change nothing, the expiry moving the open-task count. Every store runs it.
 */
public abstract class ContactLifeContract {

    /** A service on an empty store of the adapter under test. */
    protected abstract ConnectTasksService service(TaskPolicy policy, Clock clock);

    private static final TaskPolicy POLICY = TaskPolicy.defaults().withThrottling(false).withTaskExpiry(Duration.ofMinutes(30))
            .withOpenTasksPerInstance(2);

    private final MutableClock clock = MutableClock.at("2026-05-04T09:00:00Z");
    private ConnectTasksService service;
    private String instance;
    private String flow;

    private void open() {
        service = service(POLICY, clock);
        instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("updates").build()).instanceId();
        flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW").build())
                .contactFlowId();
    }

    private String start(String name, Map<String, Reference> references) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name(name)
                .references(references).attributes(Map.of("kept", "yes")).build()).contactId();
    }

    private UpdateContactRequest.Builder update(String contact) {
        return UpdateContactRequest.builder().instanceId(instance).contactId(contact);
    }

    private List<Listed> references(String contact, String... types) {
        return service.listContactReferences(ListContactReferencesRequest.builder().instanceId(instance).contactId(contact)
                .referenceTypes(types).build()).references();
    }

    @Test
    void nameDescriptionAndReferencesChangeOnOngoingAndEndedContactsAndListAsKept() {
        open();
        String task = start("first", Map.of("ticket", Reference.of("URL", "https://example.com/1"), "n", Reference.of("NUMBER", "7")));
        service.updateContact(update(task).name("second 😀").description("now described").references(Map.of(
                "ticket", Reference.of("URL", "https://example.com/2"), "note", Reference.of("STRING", "call after 5"))).build());
        var described = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build());
        assertThat(described.contact().name()).isEqualTo("second 😀");
        assertThat(described.contact().description()).contains("now described");
        assertThat(described.attributes()).as("the scope's attributes are not touched").containsEntry("kept", "yes");
        assertThat(references(task, "URL", "STRING", "NUMBER")).containsExactly(new Listed("n", "NUMBER", "7"),
                new Listed("note", "STRING", "call after 5"), new Listed("ticket", "URL", "https://example.com/2"));
        assertThat(references(task, "URL")).containsExactly(new Listed("ticket", "URL", "https://example.com/2"));
        assertThat(references(task, "ATTACHMENT", "EMAIL")).isEmpty();
        assertThat(references(task)).as("an empty ReferenceTypes matches nothing").isEmpty();

        service.stopContact(StopContactRequest.builder().instanceId(instance).contactId(task).build());
        service.updateContact(update(task).description("").build());
        var ended = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build());
        assertThat(ended.state()).isEqualTo(ContactState.ENDED);
        assertThat(ended.contact().description()).contains("");
        assertThat(ended.contact().name()).isEqualTo("second 😀");

        String chat = service.recordContact(RecordContactRequest.builder().instanceId(instance).channel("CHAT").initiationMethod("API").build());
        service.updateContact(update(chat).name("a chat").build());
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(chat).build()).contact().name())
                .isEqualTo("a chat");
    }

    @Test
    void eachMemberOfAnUpdateIsKeptWhenItIsTheOnlyOneThatChanges() {
        // (SegmentAttributes can only carry connect:ContactExpiry, so it never changes without the expiry)
        open();
        String references = updatedAlone("references", Map.of("n", Reference.of("NUMBER", "7")),
                u -> u.references(Map.of("n", Reference.of("NUMBER", "8"))));
        String description = updatedAlone("description", Map.of(), u -> u.description("only this"));
        String name = updatedAlone("name", Map.of(), u -> u.name("renamed"));

        assertThat(references(references, "NUMBER")).containsExactly(new Listed("n", "NUMBER", "8"));
        assertThat(described(description).description()).contains("only this");
        assertThat(described(name).name()).isEqualTo("renamed");
        assertThat(described(references).name()).as("nothing else moved").isEqualTo("references");
    }

    /** A task started, updated in one member, and stopped (the policy allows two open tasks). */
    private String updatedAlone(String name, Map<String, Reference> references,
                                java.util.function.UnaryOperator<UpdateContactRequest.Builder> member) {
        String task = start(name, references);
        service.updateContact(member.apply(update(task)).build());
        service.stopContact(StopContactRequest.builder().instanceId(instance).contactId(task).build());
        return task;
    }

    private dev.connecttasks.domain.contact.Contact described(String contact) {
        return service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(contact).build()).contact();
    }

    @Test
    void aRefusedUpdateNamesItsMemberAndChangesNothing() {
        open();
        String task = start("kept", Map.of());
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "at least one of Name, Description, References or SegmentAttributes",
                () -> service.updateContact(update(task).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_LENGTH, "Name must be at most 1024 characters (was 1025)",
                () -> service.updateContact(update(task).name("😀".repeat(1025)).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_CHARACTERS, "Description",
                () -> service.updateContact(update(task).description("a\u0000").build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_REFERENCE, "References['r'].Value must be a valid URL",
                () -> service.updateContact(update(task).name("not kept").references(Map.of("r", Reference.of("URL", "no url"))).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE, "cannot be updated",
                () -> service.updateContact(update(task).segmentAttributes(Map.of("connect:CreatedByUser",
                        SegmentAttributeValue.ofString("arn"))).build()));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT, "was not found",
                () -> service.updateContact(update(task + "x").name("n").build()));
        assertRefused(ResourceNotFoundException.class, Reason.INSTANCE, "",
                () -> service.updateContact(UpdateContactRequest.builder().instanceId("no-such").contactId(task).name("n").build()));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "ReferenceTypes is required",
                () -> service.listContactReferences(ListContactReferencesRequest.builder().instanceId(instance).contactId(task).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, "ReferenceTypes must each be one of",
                () -> references(task, "URL", "LINK"));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, "NextToken 'abc' was not issued",
                () -> service.listContactReferences(ListContactReferencesRequest.builder().instanceId(instance).contactId(task)
                        .referenceTypes("URL").nextToken("abc").build()));
        var described = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build()).contact();
        assertThat(described.name()).isEqualTo("kept");
        assertThat(described.description()).isEmpty();
        assertThat(described.references()).isEmpty();
    }

    @Test
    void aNewContactExpiryMovesTheTasksEndAndSoTheOpenTaskCount() {
        open();
        String shortened = start("a", Map.of());
        String lengthened = start("b", Map.of());
        assertRefused(ServiceQuotaExceededException.class, Reason.ACTIVE_TASKS, "", () -> start("c", Map.of()));

        service.updateContact(update(shortened).segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(5)).build());
        service.updateContact(update(lengthened).segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(120)).build());
        var read = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(shortened).build());
        assertThat(read.expiresAt()).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(read.contact().segmentAttributes()).isEqualTo(SegmentAttributeValue.contactExpiryMinutes(5));

        clock.advance(Duration.ofMinutes(6));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(shortened).build()).state())
                .isEqualTo(ContactState.ENDED);
        String third = start("c", Map.of());
        clock.advance(Duration.ofMinutes(30));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(third).build()).state())
                .as("the policy's 30 minutes").isEqualTo(ContactState.ENDED);
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(lengthened).build()).state())
                .as("moved to 120 minutes, still open and counted").isEqualTo(ContactState.OPEN);
        start("d", Map.of());
        assertRefused(ServiceQuotaExceededException.class, Reason.ACTIVE_TASKS, "", () -> start("e", Map.of()));

        assertRefused(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE, "its expiry cannot move",
                () -> service.updateContact(update(shortened).segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(600)).build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE, "which is not after now",
                () -> service.updateContact(update(lengthened).segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(30)).build()));
        String chat = service.recordContact(RecordContactRequest.builder().instanceId(instance).channel("CHAT").initiationMethod("API").build());
        assertRefused(InvalidParameterException.class, Reason.INVALID_SEGMENT_ATTRIBUTE, "applies to tasks only",
                () -> service.updateContact(update(chat).segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(30)).build()));
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(lengthened).build())
                .attributes()).containsEntry("kept", "yes");
    }

    private StartOutboundVoiceContactRequest.Builder call() {
        return StartOutboundVoiceContactRequest.builder().instanceId(instance).contactFlowId(flow).destinationPhoneNumber("+15550100");
    }

    @Test
    void anOutboundVoiceContactIsRecordedLinkedToByTasksAndReplayedByItsClientToken() {
        open();
        String voice = service.startOutboundVoiceContact(call().name("Callback").description("Customer asked")
                .references(Map.of("case", Reference.of("STRING", "42"))).attributes(Map.of("customer", "c-1"))
                .sourcePhoneNumber("+442071838750").ringTimeoutInSeconds(30).clientToken("call-1").build()).contactId();
        var described = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(voice).build());
        assertThat(described.contact().channel()).isEqualTo(dev.connecttasks.domain.contact.Channel.VOICE);
        assertThat(described.contact().initiationMethod()).isEqualTo(dev.connecttasks.domain.contact.InitiationMethod.OUTBOUND);
        assertThat(described.contact().name()).isEqualTo("Callback");
        assertThat(described.contact().description()).contains("Customer asked");
        assertThat(described.state()).isEqualTo(ContactState.OPEN);
        assertThat(described.attributes()).isEqualTo(Map.of("customer", "c-1"));
        assertThat(references(voice, "STRING")).containsExactly(new Listed("case", "STRING", "42"));

        assertThat(service.startOutboundVoiceContact(call().name("Callback").description("Customer asked")
                .references(Map.of("case", Reference.of("STRING", "42"))).attributes(Map.of("customer", "c-1"))
                .sourcePhoneNumber("+442071838750").ringTimeoutInSeconds(30).clientToken("call-1").build()).contactId())
                .as("the same request again").isEqualTo(voice);
        assertRefused(InvalidRequestException.class, Reason.CLIENT_TOKEN_REUSED, "call-1",
                () -> service.startOutboundVoiceContact(call().name("Another").clientToken("call-1").build()));

        String voicemailTask = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow)
                .name("Listen to voicemail").previousContactId(voice).attributes(Map.of("heard", "no")).build()).contactId();
        var task = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(voicemailTask).build());
        assertThat(task.contact().initialContactId()).as("the call starts the chain").isEqualTo(voice);
        assertThat(task.attributes()).isEqualTo(Map.of("customer", "c-1", "heard", "no"));
        String related = service.startOutboundVoiceContact(call().relatedContactId(voicemailTask).attributes(Map.of("heard", "yes")).build())
                .contactId();
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(related).build())
                .attributes()).as("copied from the related contact's scope, the request's win").isEqualTo(Map.of("customer", "c-1", "heard", "yes"));

        service.stopContact(StopContactRequest.builder().instanceId(instance).contactId(voice).build());
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(voice).build()).state())
                .isEqualTo(ContactState.ENDED);
    }

    @Test
    void aRefusedOutboundVoiceContactNamesItsMemberAndRecordsNothing() {
        open();
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "DestinationPhoneNumber is required",
                () -> service.startOutboundVoiceContact(call().destinationPhoneNumber(null).build()));
        for (String number : List.of("15550100", "+05550100", "+1", "+1234567890123456", "+1 555 0100", "+1555\u0000")) {
            assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, "DestinationPhoneNumber must be an E.164 number",
                    () -> service.startOutboundVoiceContact(call().destinationPhoneNumber(number).build()));
        }
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, "SourcePhoneNumber",
                () -> service.startOutboundVoiceContact(call().sourcePhoneNumber("0800").build()));
        assertRefused(InvalidParameterException.class, Reason.INVALID_VALUE, "RingTimeoutInSeconds must be 15 to 60 (was 61)",
                () -> service.startOutboundVoiceContact(call().ringTimeoutInSeconds(61).build()));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "ContactFlowId",
                () -> service.startOutboundVoiceContact(call().contactFlowId(null).build()));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, "",
                () -> service.startOutboundVoiceContact(call().contactFlowId("no-such-flow").clientToken("t").build()));
        assertRefused(ResourceNotFoundException.class, Reason.RELATED_CONTACT, "",
                () -> service.startOutboundVoiceContact(call().relatedContactId("no-such-contact").clientToken("t").build()));
        assertRefused(ResourceNotFoundException.class, Reason.INSTANCE, "",
                () -> service.startOutboundVoiceContact(call().instanceId("no-such-instance").build()));
        String recorded = service.startOutboundVoiceContact(call().clientToken("t").build()).contactId();
        assertThat(recorded).as("the refused calls left the token free").isNotBlank();
    }

    private String template(String name, List<dev.connecttasks.domain.template.TemplateField> fields, java.util.Set<String> required,
                            String status) {
        return service.createTaskTemplate(dev.connecttasks.domain.request.CreateTaskTemplateRequest.builder().instanceId(instance).name(name)
                .contactFlowId(flow).fields(fields).constraints(new dev.connecttasks.domain.template.TemplateConstraints(required,
                        java.util.Set.of(), java.util.Set.of())).status(status).build()).taskTemplateId();
    }

    private void moveTo(String contact, String template) {
        service.updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest.of(instance, contact, template));
    }

    @Test
    void aTaskMovesToAnotherTemplateItsReferencesFitAtMostFiveTimesKeepingItsFlow() {
        open();
        var number = dev.connecttasks.domain.template.TemplateField.of("Amount", dev.connecttasks.domain.template.FieldType.NUMBER);
        String refund = template("refund", List.of(number), java.util.Set.of(), "ACTIVE");
        String cancellation = template("cancellation", List.of(number), java.util.Set.of("Amount"), "ACTIVE");
        String task = start("request", Map.of("Amount", Reference.of("NUMBER", "12")));
        moveTo(task, refund);
        var described = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build()).contact();
        assertThat(described.flow()).hasValueSatisfying(f -> {
            assertThat(f.source()).isEqualTo(dev.connecttasks.domain.flow.FlowSource.TASK_TEMPLATE);
            assertThat(f.sourceId()).isEqualTo(refund);
            assertThat(f.contactFlowId()).as("the flow it runs stays").isEqualTo(flow);
        });
        assertRefused(InvalidRequestException.class, Reason.TEMPLATE_UNCHANGED, "already uses", () -> moveTo(task, refund));
        for (int i = 0; i < 4; i++) {
            moveTo(task, i % 2 == 0 ? cancellation : refund);
        }
        assertRefused(dev.connecttasks.domain.error.LimitExceededException.class, Reason.TEMPLATE_CHANGE_LIMIT, "5 times",
                () -> moveTo(task, cancellation));
        service.stopContact(StopContactRequest.builder().instanceId(instance).contactId(task).build());

        String bare = start("no amount", Map.of());
        assertRefused(dev.connecttasks.domain.error.PropertyValidationException.class, Reason.TEMPLATE_FIELD_MISSING, "Amount",
                () -> moveTo(bare, cancellation));
        String wrong = start("text amount", Map.of("Amount", Reference.of("STRING", "twelve")));
        assertRefused(dev.connecttasks.domain.error.PropertyValidationException.class, Reason.TEMPLATE_FIELD_INVALID, "NUMBER",
                () -> moveTo(wrong, refund));
        String inactive = template("old", List.of(), java.util.Set.of(), "INACTIVE");
        assertRefused(InvalidRequestException.class, Reason.TEMPLATE_INACTIVE, "", () -> moveTo(bare, inactive));
        assertRefused(ResourceNotFoundException.class, Reason.TASK_TEMPLATE, "", () -> moveTo(bare, "no-such-template"));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "TaskTemplateId", () -> moveTo(bare, null));
        service.stopContact(StopContactRequest.builder().instanceId(instance).contactId(bare).build());
        assertRefused(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE, "", () -> moveTo(bare, refund));
        String voice = service.startOutboundVoiceContact(call().build()).contactId();
        assertRefused(InvalidRequestException.class, Reason.NOT_A_TASK, "", () -> moveTo(voice, refund));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(wrong).build()).contact().flow())
                .as("refused, unchanged").hasValueSatisfying(f -> assertThat(f.source()).isEqualTo(dev.connecttasks.domain.flow.FlowSource.CONTACT_FLOW));
    }

    private String transfer(String contact, String toFlow, String queue, String user, String token) {
        return service.transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(instance, contact, toFlow, queue, user, token))
                .contactId();
    }

    private String flowOf(String type) {
        return service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name(type).type(type).build()).contactFlowId();
    }

    @Test
    void aTransferEndsTheTaskAndRecordsItsSuccessorInTheSameChainAtMostElevenTimes() {
        open();
        String queueFlow = flowOf("QUEUE_TRANSFER");
        String agentFlow = flowOf("AGENT_TRANSFER");
        String task = start("to transfer", Map.of("case", Reference.of("STRING", "42")));
        clock.advance(Duration.ofMinutes(10));
        String moved = transfer(task, queueFlow, "queue-1", null, "t-1");
        assertThat(transfer(task, queueFlow, "queue-1", null, "t-1")).as("the same request again").isEqualTo(moved);
        assertRefused(dev.connecttasks.domain.error.IdempotencyException.class, Reason.CLIENT_TOKEN_REUSED, "t-1",
                () -> transfer(task, agentFlow, null, "agent-1", "t-1"));

        var ended = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(task).build());
        assertThat(ended.state()).isEqualTo(ContactState.ENDED);
        var successor = service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(moved).build());
        assertThat(successor.state()).isEqualTo(ContactState.OPEN);
        assertThat(successor.contact().initiationMethod()).isEqualTo(dev.connecttasks.domain.contact.InitiationMethod.TRANSFER);
        assertThat(successor.contact().previousContactId()).contains(task);
        assertThat(successor.contact().initialContactId()).isEqualTo(task);
        assertThat(successor.contact().flow()).hasValueSatisfying(f -> assertThat(f.contactFlowId()).isEqualTo(queueFlow));
        assertThat(successor.expiresAt()).as("the task's end does not move").isEqualTo(ended.contact().expiresAt());
        assertThat(successor.attributes()).containsEntry("kept", "yes");
        assertThat(references(moved, "STRING")).containsExactly(new Listed("case", "STRING", "42"));
        service.updateContactAttributes(dev.connecttasks.domain.request.UpdateContactAttributesRequest.builder().instanceId(instance)
                .initialContactId(moved).attributes(Map.of("shared", "by the chain")).build());
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(task).build())
                .attributes()).containsEntry("shared", "by the chain");
        String linked = start("a link to the ended task", Map.of());
        assertThat(linked).as("the transfer left one open task, not two: a quota of 2 admits another").isNotBlank();

        String last = moved;
        for (int i = 1; i < 11; i++) {
            last = transfer(last, agentFlow, null, "agent-" + i, null);
        }
        String eleventh = last;
        assertRefused(ServiceQuotaExceededException.class, Reason.TRANSFER_LIMIT, "11 times", () -> transfer(eleventh, queueFlow, "q", null, null));

        assertRefused(InvalidRequestException.class, Reason.TRANSFER_TARGETS, "", () -> transfer(eleventh, queueFlow, "q", "u", null));
        assertRefused(InvalidRequestException.class, Reason.FLOW_NOT_USABLE, "AGENT_TRANSFER", () -> transfer(linked, queueFlow, null, "u", null));
        assertRefused(InvalidRequestException.class, Reason.FLOW_NOT_USABLE, "CONTACT_FLOW", () -> transfer(linked, queueFlow, null, null, null));
        assertRefused(InvalidRequestException.class, Reason.CONTACT_NOT_ACTIVE, "", () -> transfer(task, queueFlow, "q", null, null));
        assertRefused(InvalidParameterException.class, Reason.MISSING_PARAMETER, "ContactFlowId", () -> transfer(eleventh, null, "q", null, null));
        String voice = service.startOutboundVoiceContact(call().build()).contactId();
        assertRefused(InvalidRequestException.class, Reason.NOT_A_TASK, "", () -> transfer(voice, queueFlow, "q", null, null));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT_FLOW, "", () -> transfer(linked, "no-such-flow", "q", null, null));
        assertRefused(ResourceNotFoundException.class, Reason.CONTACT, "", () -> transfer("no-such-contact", queueFlow, "q", null, null));
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(linked).build()).state())
                .as("refused, still open").isEqualTo(ContactState.OPEN);
    }

    private static <E extends ConnectException> void assertRefused(Class<E> type, Reason reason, String inMessage, Runnable call) {
        E refused = catchThrowableOfType(type, call::run);
        assertThat(refused).as("%s %s", type.getSimpleName(), reason).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.getMessage()).contains(inMessage);
    }
}
