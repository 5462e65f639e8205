package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.InstantRange;
import dev.connecttasks.domain.policy.LinkedTaskCounting;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fidelity rules in the domain, each edge named: ARNs read as ids, the agent of
 * {@code connect:CreatedByUser}, the per-chain link limit, the range of instants, the characters of
 * text members. The JDBC module runs the same decisions on every store; these pin the rules themselves.
 */
class FidelityRulesTest {

    private static final String PREFIX = ResourceArns.INSTANCE_ARN_PREFIX;

    @Test
    void anArnIsReadAsTheBareIdOnlyWhereItNamesThisServiceAndTheRequestsInstance() {
        StartTaskContactRequest bare = StartTaskContactRequest.builder().instanceId("i-1").name("n").contactFlowId("f-1").build();
        assertThat(ResourceArns.resolved(bare)).as("no ARN: the request itself").isSameAs(bare);

        StartTaskContactRequest arns = ResourceArns.resolved(StartTaskContactRequest.builder().instanceId(PREFIX + "i-1").name("n")
                .contactFlowId(PREFIX + "i-1/contact-flow/f-1").quickConnectId(PREFIX + "i-1/transfer-destination/q-1")
                .taskTemplateId(PREFIX + "i-1/task-template/t-1").build());
        assertThat(arns.instanceId()).contains("i-1");
        assertThat(arns.contactFlowId()).contains("f-1");
        assertThat(arns.quickConnectId()).contains("q-1");
        assertThat(arns.taskTemplateId()).contains("t-1");

        for (String foreign : new String[] {PREFIX + "i-2/contact-flow/f-1", PREFIX + "i-1/contact-flow/", PREFIX + "i-1/contact-flow/f/1",
                PREFIX + "i-1/task-template/f-1", "arn:aws:connect:eu-west-1:000000000000:instance/i-1/contact-flow/f-1"}) {
            assertThat(ResourceArns.resolved(bare.toBuilder().contactFlowId(foreign).build()).contactFlowId()).as(foreign).contains(foreign);
        }
        assertThat(ResourceArns.instanceId(PREFIX)).as("no id after the prefix").isEqualTo(PREFIX);
        assertThat(ResourceArns.instanceId(PREFIX + "i-1/x")).isEqualTo(PREFIX + "i-1/x");
        assertThat(ResourceArns.instanceId("i-1")).isEqualTo("i-1");
        StartTaskContactRequest noInstance = StartTaskContactRequest.builder().name("n").contactFlowId(PREFIX + "i-1/contact-flow/f-1").build();
        assertThat(ResourceArns.resolved(noInstance).contactFlowId()).as("no instance to name").contains(PREFIX + "i-1/contact-flow/f-1");
    }

    private record Instance(ConnectTasksService service, String instance, String flow) {

        static Instance of(TaskPolicy policy) {
            ConnectTasksService service = ConnectTasks.inMemory(o -> o.policy(policy.withThrottling(false)));
            String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                    .build()).contactFlowId();
            return new Instance(service, instance, flow);
        }

        StartTaskContactRequest.Builder task() {
            return StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t");
        }

        String start(StartTaskContactRequest.Builder request) {
            return service.startTaskContact(request.build()).contactId();
        }
    }

    @Test
    void createdByUserTakesOnlyAnAgentArnOfTheRequestsInstance() {
        Instance i = Instance.of(TaskPolicy.defaults());
        String agent = PREFIX + i.instance() + "/agent/a-1";
        String id = i.start(i.task().segmentAttributes(Map.of("connect:CreatedByUser", SegmentAttributeValue.ofString(agent))));
        assertThat(i.service().describeContact(DescribeContactRequest.builder().instanceId(i.instance()).contactId(id).build()).contact()
                .segmentAttributes()).containsEntry("connect:CreatedByUser", SegmentAttributeValue.ofString(agent));
        for (SegmentAttributeValue bad : new SegmentAttributeValue[] {SegmentAttributeValue.ofString(PREFIX + "other/agent/a-1"),
                SegmentAttributeValue.ofString(PREFIX + i.instance() + "/agent/"), SegmentAttributeValue.ofString(agent + "/x"),
                SegmentAttributeValue.ofInteger(1), new SegmentAttributeValue(java.util.Optional.of(agent), java.util.Optional.of(1), Map.of()),
                new SegmentAttributeValue(java.util.Optional.of(agent), java.util.Optional.empty(), Map.of("k", SegmentAttributeValue.ofInteger(1)))}) {
            assertThatThrownBy(() -> i.start(i.task().segmentAttributes(Map.of("connect:CreatedByUser", bad)))).as("%s", bad)
                    .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.INVALID_SEGMENT_ATTRIBUTE);
                        assertThat(e).hasMessageContaining("the ARN of an agent of this instance (" + PREFIX + i.instance() + "/agent/<UserId>)");
                    });
        }
        assertThatThrownBy(() -> i.start(i.task().segmentAttributes(Map.of("connect:Other", SegmentAttributeValue.ofString("x")))))
                .hasMessageContaining("the known system keys are connect:ContactExpiry and connect:CreatedByUser");
    }

    @Test
    void perChainTheLimitCountsEveryLinkOfTheChainAndPerContactOnlyThoseOfThePreviousContact() {
        Instance chain = Instance.of(TaskPolicy.defaults().withLinkedTasksPerContact(2).withLinkedTaskCounting(LinkedTaskCounting.PER_CHAIN));
        String root = chain.start(chain.task());
        String second = chain.start(chain.task().previousContactId(root));
        chain.start(chain.task().previousContactId(second));
        assertThatThrownBy(() -> chain.start(chain.task().previousContactId(root)))
                .isInstanceOfSatisfying(ServiceQuotaExceededException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.LINKED_TASKS);
                    assertThat(e).hasMessage("The chain of InitialContactId " + root + " (PreviousContactId " + root
                            + ") already has 2 linked tasks, the most allowed per chain is 2");
                });

        Instance contact = Instance.of(TaskPolicy.defaults().withLinkedTasksPerContact(2));
        String first = contact.start(contact.task());
        String next = contact.start(contact.task().previousContactId(first));
        contact.start(contact.task().previousContactId(next));
        contact.start(contact.task().previousContactId(first));
        assertThatThrownBy(() -> contact.start(contact.task().previousContactId(first)))
                .hasMessage("PreviousContactId " + first + " already has 2 linked tasks, the most allowed is 2");
    }

    @Test
    void theClockMustLeaveRoomForTheWindowAndTheLongestExpiry() {
        TaskPolicy defaults = TaskPolicy.defaults();
        assertThat(new InstantRange(defaults).latestClock()).isEqualTo(InstantRange.LATEST.minus(Duration.ofDays(6)).minus(Duration.ofDays(90)));
        TaskPolicy longExpiry = defaults.withTaskExpiry(Duration.ofDays(200)).withScheduleWindow(Duration.ofDays(1));
        assertThat(new InstantRange(longExpiry).latestClock()).isEqualTo(InstantRange.LATEST.minus(Duration.ofDays(1)).minus(Duration.ofDays(200)));
        InstantRange range = new InstantRange(defaults);
        assertThat(range.checked(InstantRange.EARLIEST)).isEqualTo(InstantRange.EARLIEST);
        assertThat(range.checked(range.latestClock())).isEqualTo(range.latestClock());
        assertThatThrownBy(() -> range.checked(range.latestClock().plusNanos(1))).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TIME_OUT_OF_RANGE));
        assertThatThrownBy(() -> range.checked(InstantRange.EARLIEST.minusNanos(1))).isInstanceOf(InvalidRequestException.class);
        assertThat(InstantRange.EARLIEST).isEqualTo(Instant.parse("1677-09-21T00:12:43.145224192Z"));
        assertThat(InstantRange.LATEST).isEqualTo(Instant.parse("2262-04-11T23:47:16.854775807Z"));
    }

    @Test
    void textMembersCountCharactersAndNameWhatTheyRefuse() {
        Instance i = Instance.of(TaskPolicy.defaults());
        String emoji = "\uD83D\uDE00";
        assertThatThrownBy(() -> i.start(i.task().description(emoji.repeat(4097)))).hasMessage("Description must be at most 4096 characters (was 4097)");
        assertThatThrownBy(() -> i.start(i.task().clientToken(""))).hasMessage("ClientToken must be at least 1 character (was 0)");
        assertThatThrownBy(() -> i.start(i.task().name("ab\u0000"))).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.INVALID_CHARACTERS);
            assertThat(e).hasMessage("Name must not contain U+0000 (NUL), found at index 2");
        });
        assertThatThrownBy(() -> i.start(i.task().name(emoji + "\uDC00"))).hasMessage("Name must be Unicode text: it has an unpaired UTF-16 "
                + "surrogate U+DC00 at index 2, which no UTF-8 request can carry");
        assertThatThrownBy(() -> i.start(i.task().name("\uD800"))).hasMessageContaining("U+D800 at index 0");
        assertThatThrownBy(() -> i.start(i.task().attributes(Map.of("k", "v".repeat(32_768))))).hasMessage(
                "Attributes value of 'k' must be at most 32767 characters (was 32768)");
        assertThatThrownBy(() -> i.start(i.task().references(Map.of("r", dev.connecttasks.domain.contact.Reference.of("STRING",
                emoji.repeat(4097)))))).hasMessage("References['r'].Value must be at most 4096 characters (was 4097)");
        String longKey = emoji.repeat(41);
        assertThatThrownBy(() -> i.start(i.task().references(Map.of(longKey, dev.connecttasks.domain.contact.Reference.of("STRING", "x\u0000")))))
                .hasMessage("References['" + emoji.repeat(37) + "...'].Value must not contain U+0000 (NUL), found at index 1");
    }

    @Test
    void tagsHoldTheModelsLimitsAndPatternEdgeByEdge() {
        java.util.Map<String, String> fifty = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            fifty.put("k" + i, "v".repeat(256));
        }
        dev.connecttasks.domain.rules.TagRules.tags(fifty);
        dev.connecttasks.domain.rules.TagRules.tags(Map.of());
        for (String key : new String[] {"a", "k".repeat(128), "_.:/=+-@", "AWS:upper", "x:aws:", "aws", "Z.z", "a b", "é", "日本", "٣",
                "\u00A0", "𝒜"}) {
            dev.connecttasks.domain.rules.TagRules.tags(Map.of(key, ""));
        }
        java.util.Map<String, String> fiftyOne = new java.util.HashMap<>(fifty);
        fiftyOne.put("k50", "v");
        assertTagRefused(fiftyOne, Reason.INVALID_TAG, "Tags must have at most 50 entries (was 51)");
        for (String key : new String[] {"aws:x", "aws:", ">", "a*", ",", ";", "<", "*", "[", "a\tb", "😀", "a!"}) {
            assertTagRefused(Map.of(key, "v"), Reason.INVALID_TAG, "Tags key '" + key + "' must match");
        }
        assertTagRefused(Map.of("", "v"), Reason.INVALID_LENGTH, "Tags key must be at least 1 character (was 0)");
        assertTagRefused(Map.of("k".repeat(129), "v"), Reason.INVALID_LENGTH, "Tags key must be at most 128 characters (was 129)");
        assertTagRefused(Map.of("k", "v".repeat(257)), Reason.INVALID_LENGTH, "Tags value of 'k' must be at most 256 characters (was 257)");
        assertTagRefused(Map.of("k", "a\u0000"), Reason.INVALID_CHARACTERS, "Tags value of 'k' must not contain U+0000");
    }

    private static void assertTagRefused(Map<String, String> tags, Reason reason, String message) {
        InvalidParameterException refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidParameterException.class,
                () -> dev.connecttasks.domain.rules.TagRules.tags(tags));
        assertThat(refused).as("%s", tags.keySet()).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused).hasMessageStartingWith(message);
    }

    @Test
    void aFlowsDescriptionContentAndTagsAreCheckedAfterItsStatusAndKept() {
        CreateContactFlowRequest.Builder flow = CreateContactFlowRequest.builder().instanceId("i").name("f").type("CONTACT_FLOW");
        var kept = dev.connecttasks.domain.rules.ContactFlowRules.create(flow.description("").content("c".repeat(256_000))
                .tags(Map.of("t", "v")).build()).withId("f-1");
        assertThat(kept.description()).contains("");
        assertThat(kept.content()).contains("c".repeat(256_000));
        assertThat(kept.tags()).isEqualTo(Map.of("t", "v"));
        assertThat(kept.withState(dev.connecttasks.domain.flow.FlowState.ARCHIVED).withStatus(dev.connecttasks.domain.flow.FlowStatus.SAVED))
                .as("state and status changes keep them").extracting(f -> f.description(), f -> f.content(), f -> f.tags())
                .containsExactly(kept.description(), kept.content(), kept.tags());
        InvalidParameterException empty = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidParameterException.class,
                () -> dev.connecttasks.domain.rules.ContactFlowRules.create(flow.description(null).content("").tags(Map.of()).build()));
        assertThat(empty.reason()).isEqualTo(Reason.INVALID_LENGTH);
        assertThat(empty).hasMessage("Content must be at least 1 character (was 0)");
        InvalidParameterException statusFirst = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidParameterException.class,
                () -> dev.connecttasks.domain.rules.ContactFlowRules.create(flow.status("LIVE").content("").tags(Map.of("aws:x", "")).build()));
        assertThat(statusFirst).as("Status is checked before the new members").hasMessageContaining("Status");
        InvalidParameterException nul = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidParameterException.class,
                () -> dev.connecttasks.domain.rules.ContactFlowRules.create(flow.status(null).description("a\u0000").content("c").build()));
        assertThat(nul.reason()).isEqualTo(Reason.INVALID_CHARACTERS);
        assertThat(nul).hasMessageContaining("Description");
    }

    @Test
    void aTemplatesDescriptionsAreCheckedAndAnUpdateKeepsItsDescriptionWhereItLeavesItOut() {
        var field = new dev.connecttasks.domain.template.TemplateField("F", dev.connecttasks.domain.template.FieldType.TEXT,
                java.util.List.of(), java.util.Optional.of("d".repeat(255)));
        var template = dev.connecttasks.domain.rules.TaskTemplateRules.create(dev.connecttasks.domain.request.CreateTaskTemplateRequest.builder()
                .instanceId("i").name("t").description("d".repeat(255)).fields(java.util.List.of(field)).build()).withId("t-1");
        assertThat(template.description()).contains("d".repeat(255));
        assertThat(template.fields().get(0).description()).contains("d".repeat(255));
        var update = dev.connecttasks.domain.request.UpdateTaskTemplateRequest.builder().instanceId("i").taskTemplateId("t-1");
        assertThat(dev.connecttasks.domain.rules.TaskTemplateRules.updated(template, update.build()).description())
                .contains("d".repeat(255));
        assertThat(dev.connecttasks.domain.rules.TaskTemplateRules.updated(template, update.description("new").build()).description())
                .contains("new");
        for (var refused : java.util.List.<org.assertj.core.api.ThrowableAssert.ThrowingCallable>of(
                () -> dev.connecttasks.domain.rules.TaskTemplateRules.create(dev.connecttasks.domain.request.CreateTaskTemplateRequest.builder()
                        .instanceId("i").name("t").description("d".repeat(256)).build()),
                () -> dev.connecttasks.domain.rules.TaskTemplateRules.updateMembers(update.description("").build()),
                () -> dev.connecttasks.domain.rules.TaskTemplateRules.create(dev.connecttasks.domain.request.CreateTaskTemplateRequest.builder()
                        .instanceId("i").name("t").fields(java.util.List.of(new dev.connecttasks.domain.template.TemplateField("F",
                                dev.connecttasks.domain.template.FieldType.TEXT, java.util.List.of(), java.util.Optional.of("")))).build()))) {
            InvalidParameterException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidParameterException.class, refused);
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(Reason.INVALID_LENGTH);
            assertThat(e).hasMessageContaining("Description must be");
        }
    }
}
