package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.model.Contact;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.Reference;
import software.amazon.awssdk.services.connect.model.ReferenceSummary;
import software.amazon.awssdk.services.connect.model.ReferenceType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.SegmentAttributeValue;

/** The task's life after its start through the real SDK client: UpdateContact and ListContactReferences, errors by class. */
class ContactLifeSdkTest extends InMemorySdkTest {

    private final MutableClock clock = MutableClock.at("2026-05-04T09:00:00Z");

    @Override
    protected dev.connecttasks.application.port.in.ConnectTasksService service() {
        return ConnectTasks.inMemory(o -> o.clock(clock).policy(TaskPolicy.defaults().withThrottling(false)));
    }

    @Test
    void anUpdatedTaskShowsItsNewNameDescriptionReferencesAndExpiry() {
        SdkFixture.requireInProcess("moves the service's clock");
        String task = connect.startTaskContact(fixture.task().references(Map.of(
                "ticket", Reference.builder().type(ReferenceType.URL).value("https://example.com/1").build())).build()).contactId();
        connect.updateContact(r -> r.instanceId(instance).contactId(task).name("Renamed").description("Call after five")
                .references(Map.of("note", Reference.builder().type(ReferenceType.STRING).value("VIP").build(),
                        "count", Reference.builder().type(ReferenceType.NUMBER).value("3").build()))
                .segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.builder()
                        .valueMap(Map.of("ExpiryDuration", SegmentAttributeValue.builder().valueInteger(120).build())).build())));
        Contact contact = connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact();
        assertThat(contact.name()).isEqualTo("Renamed");
        assertThat(contact.description()).isEqualTo("Call after five");
        assertThat(contact.segmentAttributes().get("connect:ContactExpiry").valueMap().get("ExpiryDuration").valueInteger()).isEqualTo(120);

        var listed = connect.listContactReferences(r -> r.instanceId(instance).contactId(task)
                .referenceTypes(ReferenceType.URL, ReferenceType.STRING, ReferenceType.NUMBER));
        assertThat(listed.referenceSummaryList()).containsExactly(
                ReferenceSummary.fromNumber(n -> n.name("count").value("3")),
                ReferenceSummary.fromString(s -> s.name("note").value("VIP")),
                ReferenceSummary.fromUrl(u -> u.name("ticket").value("https://example.com/1")));
        assertThat(listed.nextToken()).isNull();
        assertThat(connect.listContactReferences(r -> r.instanceId(instance).contactId(task).referenceTypes(ReferenceType.DATE))
                .referenceSummaryList()).isEmpty();

        clock.advance(Duration.ofMinutes(119));
        connect.stopContact(r -> r.instanceId(instance).contactId(task));
        connect.updateContact(r -> r.instanceId(instance).contactId(task).name("Ended and renamed"));
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().name()).isEqualTo("Ended and renamed");
    }

    @Test
    void refusalsArriveAsTheModelsErrorClasses() {
        String task = connect.startTaskContact(fixture.task().build()).contactId();
        assertRefused(InvalidParameterException.class, "MISSING_PARAMETER",
                () -> connect.updateContact(r -> r.instanceId(instance).contactId(task)));
        assertRefused(ResourceNotFoundException.class, "CONTACT", () -> connect.updateContact(r -> r.instanceId(instance).contactId("nope").name("n")));
        assertRefused(InvalidRequestException.class, "MEMBER_NOT_SUPPORTED",
                () -> connect.updateContact(r -> r.instanceId(instance).contactId(task).name("n").queueInfo(q -> q.id("q"))));
        connect.stopContact(r -> r.instanceId(instance).contactId(task));
        assertRefused(InvalidRequestException.class, "CONTACT_NOT_ACTIVE", () -> connect.updateContact(r -> r.instanceId(instance)
                .contactId(task).segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.builder()
                        .valueMap(Map.of("ExpiryDuration", SegmentAttributeValue.builder().valueInteger(60).build())).build()))));
        assertRefused(InvalidParameterException.class, "MISSING_PARAMETER",
                () -> connect.listContactReferences(r -> r.instanceId(instance).contactId(task)));
        assertRefused(InvalidParameterException.class, "INVALID_VALUE",
                () -> connect.listContactReferences(r -> r.instanceId(instance).contactId(task).referenceTypes(ReferenceType.URL)
                        .nextToken("made-up")));
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().name()).isEqualTo("Call back");
    }

    @Test
    void anOutboundCallIsRecordedAndAVoicemailTaskLinksToIt() {
        SdkFixture.requireInProcess("places an outbound call, which a real service would dial");
        String call = connect.startOutboundVoiceContact(r -> r.instanceId(instance).contactFlowId(fixture.flow)
                .destinationPhoneNumber("+15550100").name("Callback").attributes(Map.of("customer", "c-1")).clientToken("cb-1")
                .trafficType("GENERAL")).contactId();
        assertThat(connect.startOutboundVoiceContact(r -> r.instanceId(instance).contactFlowId(fixture.flow)
                .destinationPhoneNumber("+15550100").name("Callback").attributes(Map.of("customer", "c-1")).clientToken("cb-1")
                .trafficType("GENERAL")).contactId()).isEqualTo(call);
        Contact voice = connect.describeContact(r -> r.instanceId(instance).contactId(call)).contact();
        assertThat(voice.channelAsString()).isEqualTo("VOICE");
        assertThat(voice.initiationMethodAsString()).isEqualTo("OUTBOUND");
        String task = connect.startTaskContact(fixture.task().previousContactId(call).name("Voicemail").build()).contactId();
        assertThat(connect.getContactAttributes(r -> r.instanceId(instance).initialContactId(task)).attributes())
                .containsEntry("customer", "c-1");
        assertRefused(InvalidParameterException.class, "INVALID_VALUE", () -> connect.startOutboundVoiceContact(r -> r.instanceId(instance)
                .contactFlowId(fixture.flow).destinationPhoneNumber("555-0100")));
        assertRefused(InvalidRequestException.class, "MEMBER_NOT_SUPPORTED", () -> connect.startOutboundVoiceContact(r -> r.instanceId(instance)
                .contactFlowId(fixture.flow).destinationPhoneNumber("+15550100").queueId("q-1")));
        assertRefused(InvalidRequestException.class, "MEMBER_NOT_SUPPORTED", () -> connect.startOutboundVoiceContact(r -> r.instanceId(instance)
                .contactFlowId(fixture.flow).destinationPhoneNumber("+15550100").trafficType("CAMPAIGN")));
        assertRefused(ResourceNotFoundException.class, "CONTACT_FLOW", () -> connect.startOutboundVoiceContact(r -> r.instanceId(instance)
                .contactFlowId("nope").destinationPhoneNumber("+15550100")));
    }

    @Test
    void theTasksMyCodeCreatedTodayAreFoundPageByPage() {
        SdkFixture.requireInProcess("moves the service's clock");
        java.util.List<String> started = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            String value = i % 2 == 0 ? "mine" : "other";
            started.add(connect.startTaskContact(fixture.task().attributes(Map.of("owner", value)).build()).contactId());
        }
        var pages = connect.searchContactsPaginator(r -> r.instanceId(instance).maxResults(2)
                .timeRange(t -> t.type("INITIATION_TIMESTAMP").startTime(clock.instant().minus(Duration.ofHours(1))).endTime(clock.instant()))
                .sort(s -> s.fieldName("INITIATION_TIMESTAMP").order("ASCENDING")));
        assertThat(pages.contacts().stream().map(software.amazon.awssdk.services.connect.model.ContactSearchSummary::id).toList())
                .containsExactlyElementsOf(started);
        var mine = connect.searchContacts(r -> r.instanceId(instance)
                .timeRange(t -> t.type("INITIATION_TIMESTAMP").startTime(clock.instant().minus(Duration.ofHours(1))).endTime(clock.instant()))
                .searchCriteria(c -> c.channels(software.amazon.awssdk.services.connect.model.Channel.TASK)
                        .searchableContactAttributes(a -> a.criteria(k -> k.key("owner").values("mine")))));
        assertThat(mine.totalCount()).isEqualTo(3);
        assertThat(mine.contacts()).extracting(software.amazon.awssdk.services.connect.model.ContactSearchSummary::id)
                .containsExactly(started.get(4), started.get(2), started.get(0));
        assertRefused(InvalidRequestException.class, "MEMBER_NOT_SUPPORTED", () -> connect.searchContacts(r -> r.instanceId(instance)
                .timeRange(t -> t.type("INITIATION_TIMESTAMP").startTime(clock.instant()).endTime(clock.instant()))
                .searchCriteria(c -> c.queueIds("q-1"))));
        assertRefused(InvalidParameterException.class, "MISSING_PARAMETER", () -> connect.searchContacts(r -> r.instanceId(instance)));
    }

    @Test
    void aTaskMovesToAnotherTemplateAndAConflictArrivesAsPropertyValidationException() {
        SdkFixture.requireInProcess("sends UpdateContactTaskTemplate unsigned to the test's own server (this SDK release lacks the operation)");
        String template = connect.createTaskTemplate(r -> r.instanceId(instance).name("Refund").contactFlowId(fixture.flow)
                .fields(f -> f.id(i -> i.name("Amount")).type("NUMBER")).constraints(c -> c.requiredFields(q -> q.id(i -> i.name("Amount"))))).id();
        String fits = connect.startTaskContact(fixture.task().references(Map.of("Amount",
                Reference.builder().type(ReferenceType.NUMBER).value("12").build())).build()).contactId();
        // the SDK release this build uses predates UpdateContactTaskTemplate: the request is sent as the model writes it
        assertThat(moveTo(fits, template).statusCode()).isEqualTo(200);
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(fits)).contact().taskTemplateInfo().name()).isEqualTo("Refund");
        String lacks = connect.startTaskContact(fixture.task().build()).contactId();
        var conflict = moveTo(lacks, template);
        assertThat(conflict.statusCode()).isEqualTo(400);
        assertThat(conflict.headers().firstValue("X-Amzn-ErrorType")).contains("PropertyValidationException");
        assertThat(conflict.body()).contains("\"ReasonCode\":\"TEMPLATE_FIELD_MISSING\"");
        var unchanged = moveTo(fits, template);
        assertThat(unchanged.headers().firstValue("X-Amzn-ErrorType")).contains("InvalidRequestException");
        assertThat(unchanged.body()).contains("\"ReasonCode\":\"TEMPLATE_UNCHANGED\"");
    }

    private java.net.http.HttpResponse<String> moveTo(String contact, String template) {
        try {
            String body = "{\"InstanceId\":\"" + instance + "\",\"ContactId\":\"" + contact + "\",\"TaskTemplateId\":\"" + template + "\"}";
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(fixture.server.endpoint() + "/contact/task-template")).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTransferredTaskEndsAndItsSuccessorIsInTheSameChain() {
        String queueFlow = connect.createContactFlow(r -> r.instanceId(instance).name("to queue")
                .type(software.amazon.awssdk.services.connect.model.ContactFlowType.QUEUE_TRANSFER).content("{}")).contactFlowId();
        String task = connect.startTaskContact(fixture.task().attributes(Map.of("case", "42")).build()).contactId();
        var transferred = connect.transferContact(r -> r.instanceId(instance).contactId(task).contactFlowId(queueFlow).queueId("q-1")
                .clientToken("move-1"));
        assertThat(transferred.contactArn()).endsWith("/contact/" + transferred.contactId());
        Contact successor = connect.describeContact(r -> r.instanceId(instance).contactId(transferred.contactId())).contact();
        assertThat(successor.initiationMethodAsString()).isEqualTo("TRANSFER");
        assertThat(successor.previousContactId()).isEqualTo(task);
        assertThat(successor.attributes()).containsEntry("case", "42");
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(task)).contact().disconnectTimestamp()).isNotNull();
        assertRefused(software.amazon.awssdk.services.connect.model.IdempotencyException.class, "CLIENT_TOKEN_REUSED",
                () -> connect.transferContact(r -> r.instanceId(instance).contactId(task).contactFlowId(queueFlow).queueId("q-2")
                        .clientToken("move-1")));
        assertRefused(InvalidRequestException.class, "CONTACT_NOT_ACTIVE", () -> connect.transferContact(r -> r.instanceId(instance)
                .contactId(task).contactFlowId(queueFlow).queueId("q-1")));
    }

    private static <E extends AwsServiceException> void assertRefused(Class<E> type, String reasonCode, Supplier<?> call) {
        E refused = catchThrowableOfType(type, call::get);
        assertThat(refused).as("%s %s", type.getSimpleName(), reasonCode).isNotNull();
        assertThat(refused.awsErrorDetails().rawResponse().asUtf8String()).contains("\"ReasonCode\":\"" + reasonCode + "\"");
    }
}
