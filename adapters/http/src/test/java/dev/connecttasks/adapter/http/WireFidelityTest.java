package dev.connecttasks.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connecttasks.ConnectTasks;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.testkit.support.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.GetTaskTemplateResponse;
import software.amazon.awssdk.services.connect.model.TaskTemplateField;
import software.amazon.awssdk.services.connect.model.UpdateTaskTemplateResponse;
import software.amazon.awssdk.services.connect.model.ContactNotFoundException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;
import software.amazon.awssdk.services.connect.model.LimitExceededException;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.connect.model.StartTaskContactRequest;

/**
 * What the wire sends beyond the SDK's own view: every refusal's reason code in its body, under a
 * member name that every error class of the SDK still parses (the model's {@code Reason} is a
 * structure on two of them), and timestamps with milliseconds, as the service answers.
 */
class WireFidelityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00.123456789Z");
    private SdkFixture fixture;
    private HttpConnectServer server;
    private ConnectClient connect;
    private String instance;
    private String flow;

    @BeforeEach
    void start() throws Exception {
        fixture = SdkFixture.start(ConnectTasks.inMemory(o -> o.clock(clock).policy(TaskPolicy.defaults().withThrottling(false)
                .withReschedulesPerTask(1))));
        server = fixture.server;
        connect = fixture.connect;
        instance = fixture.instance;
        flow = fixture.flow;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private StartTaskContactRequest.Builder task() {
        return fixture.task();
    }

    @Test
    void everyErrorClassParsesWithItsReasonCodeInTheBody() {
        String root = connect.startTaskContact(task().build()).contactId();
        for (int i = 0; i < 12; i++) {
            connect.startTaskContact(task().previousContactId(root).build());
        }
        String scheduled = connect.startTaskContact(task().scheduledTime(clock.instant().plusSeconds(3_600)).build()).contactId();
        String stopped = connect.startTaskContact(task().build()).contactId();
        connect.stopContact(r -> r.instanceId(instance).contactId(stopped));
        connect.updateContactSchedule(r -> r.instanceId(instance).contactId(scheduled).scheduledTime(clock.instant().plusSeconds(120)));

        assertRefused(InvalidRequestException.class, "NO_FLOW_SOURCE", "One of ContactFlowId, QuickConnectId or TaskTemplateId",
                () -> connect.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).name("no flow").build()));
        assertRefused(InvalidParameterException.class, "INVALID_ATTRIBUTE_KEY", "Attributes key 'bad key!'",
                () -> connect.startTaskContact(task().attributes(Map.of("bad key!", "v")).build()));
        assertRefused(ResourceNotFoundException.class, "INSTANCE", "00000000-0000-0000-0000-000000000000",
                () -> connect.startTaskContact(task().instanceId("00000000-0000-0000-0000-000000000000").build()));
        assertRefused(ServiceQuotaExceededException.class, "LINKED_TASKS", "already has 12 linked tasks",
                () -> connect.startTaskContact(task().previousContactId(root).build()));
        assertRefused(ContactNotFoundException.class, "CONTACT_NOT_ACTIVE", stopped,
                () -> connect.stopContact(r -> r.instanceId(instance).contactId(stopped)));
        assertRefused(LimitExceededException.class, "RESCHEDULE_LIMIT", "",
                () -> connect.updateContactSchedule(r -> r.instanceId(instance).contactId(scheduled).scheduledTime(clock.instant().plusSeconds(60))));
    }

    private static <E extends AwsServiceException> void assertRefused(Class<E> type, String reasonCode, String inMessage, Supplier<?> call) {
        E refused = catchThrowableOfType(type, call::get);
        assertThat(refused).as("%s %s", type.getSimpleName(), reasonCode).isNotNull();
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
        assertThat(refused.awsErrorDetails().errorMessage()).contains(inMessage);
        JsonNode body = parse(refused.awsErrorDetails().rawResponse().asUtf8String());
        assertThat(body.path("ReasonCode").asText()).isEqualTo(reasonCode);
        assertThat(body.path("Message").asText()).isEqualTo(refused.awsErrorDetails().errorMessage());
    }

    @Test
    void descriptionsContentAndTagsOfFlowsAndTemplatesComeBackAsGiven() {
        String content = "{\"Version\":\"2019-10-30\",\"StartAction\":\"x\",\"Actions\":[{\"Identifier\":\"x\",\"Type\":\"DisconnectParticipant\"}]}";
        String described = connect.createContactFlow(r -> r.instanceId(instance).name("Described").type(ContactFlowType.CONTACT_FLOW)
                .description("Routes callbacks 😀").content(content).tags(Map.of("team", "billing", "cost:centre", "42"))).contactFlowId();
        ContactFlow flow = connect.describeContactFlow(r -> r.instanceId(instance).contactFlowId(described)).contactFlow();
        assertThat(flow.description()).isEqualTo("Routes callbacks 😀");
        assertThat(flow.content()).isEqualTo(content);
        assertThat(flow.tags()).isEqualTo(Map.of("team", "billing", "cost:centre", "42"));
        assertRefused(InvalidParameterException.class, "INVALID_TAG", "Tags key 'aws:owner' must match",
                () -> connect.createContactFlow(r -> r.instanceId(instance).name("f").type(ContactFlowType.CONTACT_FLOW).content("{}")
                        .tags(Map.of("aws:owner", "me"))));

        String template = connect.createTaskTemplate(r -> r.instanceId(instance).name("Callback").description("For callbacks")
                .contactFlowId(this.flow).fields(TaskTemplateField.builder().id(i -> i.name("Phone")).type("TEXT")
                        .description("Where to call").build())).id();
        GetTaskTemplateResponse read = connect.getTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template));
        assertThat(read.description()).isEqualTo("For callbacks");
        assertThat(read.fields()).singleElement().extracting(TaskTemplateField::description).isEqualTo("Where to call");
        UpdateTaskTemplateResponse updated = connect.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template)
                .contactFlowId(this.flow).fields(TaskTemplateField.builder().id(i -> i.name("Phone")).type("TEXT").build()));
        assertThat(updated.description()).as("kept when left out, as Name is").isEqualTo("For callbacks");
        assertThat(updated.fields()).singleElement().extracting(TaskTemplateField::description).as("a field is content: replaced whole")
                .isNull();
        assertRefused(InvalidParameterException.class, "INVALID_LENGTH", "Description must be at most 255 characters (was 256)",
                () -> connect.updateTaskTemplate(r -> r.instanceId(instance).taskTemplateId(template).description("d".repeat(256))));
    }

    @Test
    void timestampsGoOutWithMillisecondsCutNotRounded() throws Exception {
        String id = connect.startTaskContact(task().build()).contactId();
        HttpResponse<String> described = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/contacts/" + instance + "/" + id)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(described.statusCode()).isEqualTo(200);
        JsonNode initiated = parse(described.body()).path("Contact").path("InitiationTimestamp");
        assertThat(initiated.decimalValue().toPlainString()).isEqualTo("1772445600.123");
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().initiationTimestamp())
                .isEqualTo(Instant.parse("2026-03-02T10:00:00.123Z"));
    }

    @Test
    void aTaskScheduledForNowInWholeSecondsAsBotocoreSendsItIsAcceptedAndTheSecondBeforeIsNot() {
        Instant thisSecond = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String id = connect.startTaskContact(task().scheduledTime(thisSecond).build()).contactId();
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().scheduledTimestamp()).isEqualTo(thisSecond);
        assertRefused(InvalidParameterException.class, "SCHEDULED_TIME_IN_PAST", "is before the current second",
                () -> connect.startTaskContact(task().scheduledTime(thisSecond.minusMillis(1)).build()));
        String later = connect.startTaskContact(task().scheduledTime(thisSecond.plusSeconds(60)).build()).contactId();
        connect.updateContactSchedule(r -> r.instanceId(instance).contactId(later).scheduledTime(thisSecond));
        assertThat(connect.describeContact(r -> r.instanceId(instance).contactId(later)).contact().scheduledTimestamp()).isEqualTo(thisSecond);
    }

    @Test
    void segmentAttributesTheModelDocumentsForTasksAreKeptAndReturned() {
        String agent = "arn:aws:connect:us-east-1:000000000000:instance/" + instance + "/agent/agent-7";
        String id = connect.startTaskContact(task().segmentAttributes(Map.of(
                "connect:CreatedByUser", software.amazon.awssdk.services.connect.model.SegmentAttributeValue.builder().valueString(agent).build(),
                "connect:ContactExpiry", software.amazon.awssdk.services.connect.model.SegmentAttributeValue.builder().valueMap(Map.of(
                        "ExpiryDuration", software.amazon.awssdk.services.connect.model.SegmentAttributeValue.builder().valueInteger(135).build()))
                        .build())).build()).contactId();
        var segments = connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().segmentAttributes();
        assertThat(segments.get("connect:CreatedByUser").valueString()).isEqualTo(agent);
        assertThat(segments.get("connect:ContactExpiry").valueMap().get("ExpiryDuration").valueInteger()).isEqualTo(135);
        assertRefused(InvalidParameterException.class, "INVALID_SEGMENT_ATTRIBUTE", "the ARN of an agent of this instance",
                () -> connect.startTaskContact(task().segmentAttributes(Map.of("connect:CreatedByUser",
                        software.amazon.awssdk.services.connect.model.SegmentAttributeValue.builder()
                                .valueString("arn:aws:connect:us-east-1:000000000000:instance/other/agent/agent-7").build())).build()));
    }

    @Test
    void aTaskFromATemplateNamesItsTemplate() {
        String template = connect.createTaskTemplate(r -> r.instanceId(instance).name("Callback template").contactFlowId(flow)
                .fields(java.util.List.of())).id();
        String id = connect.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).taskTemplateId(template).name("t").build())
                .contactId();
        var info = connect.describeContact(r -> r.instanceId(instance).contactId(id)).contact().taskTemplateInfo();
        assertThat(info.name()).isEqualTo("Callback template");
        assertThat(info.arn()).endsWith("/task-template/" + template);
    }

    @Test
    void attachmentsAreCheckedAsTheModelSaysAndThenRefusedNeverDropped() throws Exception {
        String attachment = "{\"FileName\":\"invoice.pdf\",\"S3Url\":\"https://bucket.s3.amazonaws.com/invoice.pdf?X-Amz-Signature=x\"}";
        assertAttachments("[]", 200, null, null);
        assertAttachments("[" + attachment + "]", 400, "InvalidRequestException", "ATTACHMENTS_NOT_SUPPORTED");
        assertAttachments("[" + String.join(",", java.util.Collections.nCopies(6, attachment)) + "]", 400, "InvalidParameterException",
                "INVALID_LENGTH");
        assertAttachments("[{\"FileName\":\"a.pdf\"}]", 400, "InvalidParameterException", "MISSING_PARAMETER");
        assertAttachments("[{\"FileName\":\"a\\u0007.pdf\",\"S3Url\":\"https://b/a\"}]", 400, "InvalidParameterException",
                "INVALID_CHARACTERS");
        assertAttachments("[{\"FileName\":\"" + "f".repeat(257) + "\",\"S3Url\":\"https://b/a\"}]", 400, "InvalidParameterException",
                "INVALID_LENGTH");
    }

    private void assertAttachments(String attachments, int status, String errorType, String reasonCode) throws Exception {
        String body = "{\"InstanceId\":\"" + instance + "\",\"ContactFlowId\":\"" + flow + "\",\"Name\":\"t\",\"Attachments\":"
                + attachments + "}";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/contact/task"))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        if (errorType != null) {
            assertThat(answer.headers().firstValue("X-Amzn-ErrorType")).contains(errorType);
            assertThat(parse(answer.body()).path("ReasonCode").asText()).isEqualTo(reasonCode);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
