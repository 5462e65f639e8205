package dev.connecttasks.conformance;

import dev.connecttasks.domain.error.ThrottlingException;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidParameterException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.domain.policy.RatePolicy;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.testkit.support.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * One property per rule of behaviour.md sections 3 and 4, each generated around the rule's boundary;
 * every refusal is also checked to change nothing a later call can observe.
 */
class RuleProperties {

    private static final Class<InvalidParameterException> IPE = InvalidParameterException.class;
    private static final Class<InvalidRequestException> IRE = InvalidRequestException.class;
    private static final Class<ResourceNotFoundException> RNF = ResourceNotFoundException.class;
    private static final Class<ServiceQuotaExceededException> QUOTA = ServiceQuotaExceededException.class;

    private record Member(String name, int min, int max, BiFunction<StartTaskContactRequest.Builder, String, StartTaskContactRequest.Builder> set) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Member> MEMBERS = List.of(
            new Member("InstanceId", 1, 100, StartTaskContactRequest.Builder::instanceId),
            new Member("Name", 0, 1024, StartTaskContactRequest.Builder::name),
            new Member("Description", 0, 4096, StartTaskContactRequest.Builder::description),
            new Member("PreviousContactId", 1, 256, StartTaskContactRequest.Builder::previousContactId),
            new Member("RelatedContactId", 1, 256, StartTaskContactRequest.Builder::relatedContactId),
            new Member("ContactFlowId", 1, 500, StartTaskContactRequest.Builder::contactFlowId),
            new Member("QuickConnectId", 1, 500, (b, v) -> b.contactFlowId(null).quickConnectId(v)),
            new Member("TaskTemplateId", 1, 500, (b, v) -> b.contactFlowId(null).taskTemplateId(v)),
            new Member("ClientToken", 1, 500, StartTaskContactRequest.Builder::clientToken));

    /** A member and the length of the value given to it. */
    private record MemberLength(Member member, int length) {
    }

    @Test
    void everyMemberLengthIsCheckedAtItsBounds() {
        // every member at and just past both edges, whatever the try count; then lengths between
        for (Member m : MEMBERS) {
            for (int length : new int[] {m.min() - 1, m.min(), m.max(), m.max() + 1}) {
                if (length >= 0) {
                    checkLength(new MemberLength(m, length));
                }
            }
        }
        Gen<MemberLength> cases = Gens.elements(MEMBERS).flatMap(m -> Gens.integers(Math.max(0, m.min() - 1), m.max() + 3)
                .map(n -> new MemberLength(m, n)));
        Property.forAll(cases).tries(100).check(RuleProperties::checkLength);
    }

    private static void checkLength(MemberLength c) {
        Member m = c.member();
        int length = c.length();
        World w = World.defaults();
        StartTaskContactRequest request = m.set().apply(w.task(), "x".repeat(length)).build();
        if (length < m.min() || length > m.max()) {
            w.assertRefusedWithoutEffect(request, IPE, Reason.INVALID_LENGTH);
        } else {
            // in bounds: the member rule passes; what follows (an unknown id, say) may still refuse
            assertThat(World.outcome(() -> w.service.startTaskContact(request)).reason()).as("%s", c).isNotEqualTo(Reason.INVALID_LENGTH);
        }
    }

    @Test
    void requiredMembersAreRequired() {
        World w = World.defaults();
        w.assertRefusedWithoutEffect(w.task().instanceId(null).build(), IPE, Reason.MISSING_PARAMETER);
        w.assertRefusedWithoutEffect(w.task().name(null).build(), IPE, Reason.MISSING_PARAMETER);
    }

    @Test
    void attributeKeysUseOnlyTheirAlphabet() {
        Gen<String> keys = Gens.strings(Gens.range('a', 'z') + Gens.range('0', '9') + "_- .:/ä€" + "AZ", 0, 12);
        Property.forAll(keys).tries(200).check(key -> {
            World w = World.defaults();
            StartTaskContactRequest request = w.task().attributes(Map.of(key, "v")).build();
            if (key.matches("[A-Za-z0-9_-]+")) {
                w.start(request);
            } else {
                w.assertRefusedWithoutEffect(request, IPE, Reason.INVALID_ATTRIBUTE_KEY);
            }
        });
    }

    @Test
    void requestAttributesAreLimitedTo32768Utf8BytesAtTheBoundary() {
        // values of 1-, 2- and 3-byte characters, sized to land within a few bytes of the limit
        Gen<String[]> cases = Gens.combine(Gens.elements("a", "é", "€"), Gens.integers(-6, 6), (ch, delta) -> {
            int bytes = ch.equals("a") ? 1 : ch.equals("é") ? 2 : 3;
            int total = 32_768 + delta;
            int count = (total - 1) / bytes;
            return new String[] {ch.repeat(count), "k" + "x".repeat(total - 1 - count * bytes)};
        });
        Property.forAll(cases).tries(100).check(kv -> {
            World w = World.defaults();
            long size = kv[1].getBytes(java.nio.charset.StandardCharsets.UTF_8).length + kv[0].getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            StartTaskContactRequest request = w.task().attributes(Map.of(kv[1], kv[0])).build();
            if (size <= 32_768 && kv[0].length() <= 32_767) {
                String id = w.start(request);
                assertThat(w.service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(w.instance).initialContactId(id).build())
                        .attributes()).containsEntry(kv[1], kv[0]);
            } else {
                w.assertRefusedWithoutEffect(request, IPE, Reason.ATTRIBUTES_TOO_LARGE);
            }
        });
    }

    @Test
    void referencesNeedAKnownTypeAndAValueOfItsForm() {
        Gen<String[]> cases = Gens.combine(Gens.elements("URL", "NUMBER", "STRING", "DATE", "EMAIL", "ATTACHMENT", "url", ""),
                Gens.elements("https://example.com/a", "http://x", "ftp://x", "https://", "12", "-3.25", "1e3", "1700000000", "a@b", "a@@b", "@b", "", "text"),
                (type, value) -> new String[] {type, value});
        Property.forAll(cases).tries(200).check(c -> {
            World w = World.defaults();
            StartTaskContactRequest request = w.task().references(Map.of("ref", Reference.of(c[0], c[1]))).build();
            if (expectedValid(c[0], c[1])) {
                w.start(request);
            } else {
                w.assertRefusedWithoutEffect(request, IPE, Reason.INVALID_REFERENCE);
            }
        });
        World w = World.defaults();
        w.assertRefusedWithoutEffect(w.task().references(Map.of("ref", Reference.of((String) null, "v"))).build(), IPE, Reason.INVALID_REFERENCE);
        w.assertRefusedWithoutEffect(w.task().references(Map.of("", Reference.of("STRING", "v"))).build(), IPE, Reason.INVALID_REFERENCE);
        w.assertRefusedWithoutEffect(w.task().references(Map.of("r", Reference.of("STRING", "v".repeat(4097)))).build(), IPE, Reason.INVALID_REFERENCE);
        w.start(w.task().references(Map.of("r".repeat(4096), Reference.of("STRING", "v".repeat(4096)))).build());
    }

    private static boolean expectedValid(String type, String value) {
        switch (type) {
            case "STRING": return true;
            case "URL": return value.startsWith("https://example") || value.equals("http://x");
            case "NUMBER": return value.equals("12") || value.equals("-3.25") || value.equals("1700000000");
            case "DATE": return value.equals("12") || value.equals("1700000000");
            case "EMAIL": return value.equals("a@b");
            default: return false;
        }
    }

    @Test
    void scheduledTimeLiesBetweenNowAndTheWindow() {
        Gen<Duration> offsets = Gens.oneOf(Gens.elements(Duration.ofSeconds(-1), Duration.ZERO, Duration.ofDays(6), Duration.ofDays(6).plusSeconds(1)),
                Gens.longs(-3_600, Duration.ofDays(7).toSeconds()).map(Duration::ofSeconds));
        Property.forAll(offsets).tries(150).check(offset -> {
            World w = World.defaults();
            StartTaskContactRequest request = w.task().scheduledTime(w.clock.instant().plus(offset)).build();
            if (offset.isNegative()) {
                w.assertRefusedWithoutEffect(request, IPE, Reason.SCHEDULED_TIME_IN_PAST);
            } else if (offset.compareTo(Duration.ofDays(6)) > 0) {
                w.assertRefusedWithoutEffect(request, IPE, Reason.SCHEDULED_TIME_TOO_FAR);
            } else {
                w.start(request);
            }
        });
    }

    @Test
    void aScheduledTimeEarlierInTheCurrentSecondCountsTheExpiryFromTheCall() {
        World w = World.defaults();
        w.clock.advance(Duration.ofMillis(600));
        java.time.Instant call = w.clock.instant();
        String early = w.start(w.task().scheduledTime(call.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)).build());
        String later = w.start(w.task().scheduledTime(call.plusSeconds(60)).build());
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(early).build()).expiresAt())
                .as("from the call, not from the earlier schedule").hasValue(call.plus(Duration.ofDays(7)));
        assertThat(w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId(later).build()).expiresAt())
                .as("from the later schedule").hasValue(call.plusSeconds(60).plus(Duration.ofDays(7)));
    }

    @Test
    void contactExpiryOverrideIsOneMinuteToNinetyDays() {
        Property.forAll(Gens.oneOf(Gens.elements(-1, 0, 1, 129_600, 129_601), Gens.integers(-10, 200_000))).tries(100).check(minutes -> {
            World w = World.defaults();
            StartTaskContactRequest request = w.task().segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(minutes)).build();
            if (minutes >= 1 && minutes <= 129_600) {
                String id = w.start(request);
                w.clock.advance(Duration.ofMinutes(minutes).minusSeconds(1));
                assertThat(w.service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(w.instance)
                        .contactId(id).build()).state().name()).isEqualTo("OPEN");
                w.clock.advance(Duration.ofSeconds(1));
                assertThat(w.service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(w.instance)
                        .contactId(id).build()).disconnectReason()).hasValue(dev.connecttasks.domain.contact.DisconnectReason.EXPIRED);
            } else {
                w.assertRefusedWithoutEffect(request, IPE, Reason.INVALID_SEGMENT_ATTRIBUTE);
            }
        });
        World w = World.defaults();
        w.assertRefusedWithoutEffect(w.task().segmentAttributes(Map.of("connect:Unknown", SegmentAttributeValue.ofString("x"))).build(),
                IPE, Reason.INVALID_SEGMENT_ATTRIBUTE);
        w.assertRefusedWithoutEffect(w.task().segmentAttributes(Map.of("connect:ContactExpiry", SegmentAttributeValue.ofInteger(5))).build(),
                IPE, Reason.INVALID_SEGMENT_ATTRIBUTE);
    }

    @Test
    void requestShapeRules() {
        World w = World.defaults();
        String qc = w.track(w.service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(w.instance).name("q").quickConnectType("FLOW")
                .contactFlowId(w.flow).build()).quickConnectId());
        w.assertRefusedWithoutEffect(w.task().previousContactId(w.root).relatedContactId(w.root).build(), IRE, Reason.PREVIOUS_AND_RELATED);
        w.assertRefusedWithoutEffect(w.task().quickConnectId(qc).build(), IRE, Reason.MULTIPLE_FLOW_SOURCES);
        w.assertRefusedWithoutEffect(w.task().taskTemplateId("t").build(), IRE, Reason.MULTIPLE_FLOW_SOURCES);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).build(), IRE, Reason.NO_FLOW_SOURCE);
        w.assertRefusedWithoutEffect(w.task().instanceId("no-such-instance").build(), RNF, Reason.INSTANCE);
    }

    @Test
    void linkedContactsMustBelongToTheInstance() {
        World w = World.defaults();
        String foreign = w.service.createContactFlow(dev.connecttasks.domain.request.CreateContactFlowRequest.builder()
                .instanceId(w.otherInstance).name("f").type("CONTACT_FLOW").build()).contactFlowId();
        w.track(foreign);
        String foreignTask = w.track(w.service.startTaskContact(StartTaskContactRequest.builder().instanceId(w.otherInstance).name("t")
                .contactFlowId(foreign).build()).contactId());
        w.assertRefusedWithoutEffect(w.task().previousContactId("nope").build(), RNF, Reason.PREVIOUS_CONTACT);
        w.assertRefusedWithoutEffect(w.task().previousContactId(foreignTask).build(), RNF, Reason.PREVIOUS_CONTACT);
        w.assertRefusedWithoutEffect(w.task().relatedContactId(foreignTask).build(), RNF, Reason.RELATED_CONTACT);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(foreign).build(), RNF, Reason.CONTACT_FLOW);
        // any channel, open or ended, may be linked
        w.start(w.task().previousContactId(w.voice).build());
        w.service.stopContact(dev.connecttasks.domain.request.StopContactRequest.builder().instanceId(w.instance).contactId(w.root).build());
        w.start(w.task().relatedContactId(w.root).build());
    }

    @Test
    void contactFlowsMustBeActivePublishedContactFlows() {
        Gen<String[]> flows = Gens.combine(Gens.elements("CONTACT_FLOW", "AGENT_TRANSFER", "QUEUE_TRANSFER", "CUSTOMER_QUEUE"),
                Gens.elements("ACTIVE", "ARCHIVED"), Gens.elements("PUBLISHED", "SAVED"), (t, s, p) -> new String[] {t, s, p});
        Property.forAll(flows).tries(60).check(f -> {
            World w = World.defaults();
            String flow = w.flow(w.instance, f[0], f[2]);
            w.service.updateContactFlow(UpdateContactFlowRequest.builder().instanceId(w.instance).contactFlowId(flow).contactFlowState(f[1]).build());
            StartTaskContactRequest request = w.task().contactFlowId(flow).build();
            if (f[0].equals("CONTACT_FLOW") && f[1].equals("ACTIVE") && f[2].equals("PUBLISHED")) {
                w.start(request);
            } else {
                w.assertRefusedWithoutEffect(request, IRE, Reason.FLOW_NOT_USABLE);
            }
        });
    }

    @Test
    void quickConnectsResolveToAFlowOfTheirType() {
        Gen<String[]> cases = Gens.combine(Gens.elements("USER", "QUEUE", "FLOW", "PHONE_NUMBER"),
                Gens.elements("CONTACT_FLOW", "AGENT_TRANSFER", "QUEUE_TRANSFER"), Gens.elements("PUBLISHED", "SAVED"), (q, t, s) -> new String[] {q, t, s});
        Property.forAll(cases).tries(60).check(c -> {
            World w = World.defaults();
            String flow = w.flow(w.instance, c[1], c[2]);
            boolean phone = c[0].equals("PHONE_NUMBER");
            String qc = w.track(w.service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(w.instance).name("q").quickConnectType(c[0])
                    .target(c[0].equals("FLOW") ? null : "target").contactFlowId(phone ? null : flow).build()).quickConnectId());
            StartTaskContactRequest request = w.task().contactFlowId(null).quickConnectId(qc).build();
            String wanted = c[0].equals("USER") ? "AGENT_TRANSFER" : c[0].equals("QUEUE") ? "QUEUE_TRANSFER" : "CONTACT_FLOW";
            if (phone) {
                w.assertRefusedWithoutEffect(request, IRE, Reason.QUICK_CONNECT_HAS_NO_FLOW);
            } else if (c[1].equals(wanted) && c[2].equals("PUBLISHED")) {
                String id = w.start(request);
                assertThat(w.service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(w.instance)
                        .contactId(id).build()).contact().flow().orElseThrow().contactFlowId()).isEqualTo(flow);
            } else {
                w.assertRefusedWithoutEffect(request, IRE, Reason.FLOW_NOT_USABLE);
            }
        });
        World w = World.defaults();
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).quickConnectId("nope").build(), RNF, Reason.QUICK_CONNECT);
        String dangling = w.track(w.service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(w.instance).name("q").quickConnectType("FLOW")
                .contactFlowId("deleted-flow").build()).quickConnectId());
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).quickConnectId(dangling).build(), IRE, Reason.FLOW_NOT_USABLE);
    }

    @Test
    void templatesMustBeActiveAndNameAUsableFlow() {
        World w = World.defaults();
        String saved = w.flow(w.instance, "CONTACT_FLOW", "SAVED");
        String inactive = template(w, w.flow, "INACTIVE");
        String noFlow = template(w, null, "ACTIVE");
        String badFlow = template(w, saved, "ACTIVE");
        String good = template(w, w.flow, "ACTIVE");
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).taskTemplateId("nope").build(), RNF, Reason.TASK_TEMPLATE);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).taskTemplateId(inactive).build(), IRE, Reason.TEMPLATE_INACTIVE);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).taskTemplateId(noFlow).build(), IRE, Reason.TEMPLATE_HAS_NO_FLOW);
        w.assertRefusedWithoutEffect(w.task().contactFlowId(null).taskTemplateId(badFlow).build(), IRE, Reason.FLOW_NOT_USABLE);
        String id = w.start(w.task().contactFlowId(null).taskTemplateId(good).build());
        assertThat(w.service.describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder().instanceId(w.instance).contactId(id).build())
                .contact().flow().orElseThrow().templateVersion()).hasValue(1);
    }

    private static String template(World w, String flow, String status) {
        return w.track(w.service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(w.instance).name("t").contactFlowId(flow)
                .status(status).build()).taskTemplateId());
    }

    @Test
    void linkedTasksStopAtTwelvePerPreviousContact() {
        Property.forAll(Gens.integers(0, 14)).tries(30).check(already -> {
            World w = World.defaults();
            for (int i = 0; i < Math.min(already, 12); i++) {
                w.start(w.task().previousContactId(w.root).build());
            }
            StartTaskContactRequest next = w.task().previousContactId(w.root).build();
            if (Math.min(already, 12) < 12) {
                w.start(next);
            } else {
                w.assertRefusedWithoutEffect(next, QUOTA, Reason.LINKED_TASKS);
                // a related task has no limit, and linking to a chain member still works
                w.start(w.task().relatedContactId(w.root).build());
            }
        });
    }

    @Test
    void openTasksStopAtTheInstanceQuotaAndFreeOnStopOrExpiry() {
        Property.forAll(Gens.integers(1, 8)).tries(30).check(quota -> {
            World w = new World(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(quota + 1));
            List<String> started = new ArrayList<>();
            for (int i = 0; i < quota; i++) {
                started.add(w.start(w.task().build()));
            }
            w.assertRefusedUnchanged(w.task().build(), QUOTA, Reason.ACTIVE_TASKS);
            w.service.stopContact(dev.connecttasks.domain.request.StopContactRequest.builder().instanceId(w.instance).contactId(started.get(0)).build());
            w.start(w.task().build());
            w.assertRefusedUnchanged(w.task().build(), QUOTA, Reason.ACTIVE_TASKS);
            w.clock.advance(Duration.ofDays(7));
            w.start(w.task().build());
        });
    }

    @Test
    void scopeAttributesAfterTheMergeStayWithinTheLimit() {
        Property.forAll(Gens.integers(-3, 3)).tries(20).check(delta -> {
            World w = World.defaults();
            String big = w.start(w.task().attributes(Map.of("a", "x".repeat(20_000))).build());
            // chain scope now: a(1) + 20000; the request adds b(1) + n, merged total = 20002 + n
            int n = 32_768 - 20_002 + delta;
            StartTaskContactRequest linked = w.task().previousContactId(big).attributes(Map.of("b", "y".repeat(n))).build();
            StartTaskContactRequest related = w.task().relatedContactId(big).attributes(Map.of("b", "y".repeat(n))).build();
            if (delta > 0) {
                w.assertRefusedWithoutEffect(linked, IPE, Reason.ATTRIBUTES_TOO_LARGE);
                w.assertRefusedWithoutEffect(related, IPE, Reason.ATTRIBUTES_TOO_LARGE);
            } else {
                w.start(linked);
                w.start(related);
            }
        });
    }

    @Test
    void clientTokensReplayTheSameRequestAndRefuseAnother() {
        World w = World.defaults();
        StartTaskContactRequest first = w.task().clientToken("tok").attributes(Map.of("a", "1")).build();
        String id = w.start(first);
        assertThat(w.service.startTaskContact(first).contactId()).isEqualTo(id);
        w.assertRefusedUnchanged(w.task().clientToken("tok").attributes(Map.of("a", "2")).build(), IRE, Reason.CLIENT_TOKEN_REUSED);
        w.clock.advance(Duration.ofDays(7));
        assertThat(w.start(w.task().clientToken("tok").attributes(Map.of("a", "2")).build())).isNotEqualTo(id);
    }

    @Test
    void throttlingTakesATokenFromEveryRequestEvenRefusedOnes() {
        World w = new World(TaskPolicy.defaults());
        // the world's own set-up started one task; the burst is 5
        for (int i = 0; i < 4; i++) {
            assertThat(World.outcome(() -> w.service.startTaskContact(w.task().name(null).build())).reason()).isEqualTo(Reason.MISSING_PARAMETER);
        }
        w.assertRefusedUnchanged(w.task().build(), ThrottlingException.class, Reason.RATE_EXCEEDED);
        w.clock.advance(Duration.ofMillis(500));
        w.start(w.task().build());
        w.assertRefusedUnchanged(w.task().build(), ThrottlingException.class, Reason.RATE_EXCEEDED);
    }

    @Test
    void theOtherContactOperationsShareOneBucketPerInstance() {
        World w = new World(TaskPolicy.defaults().withContactOperationRate(new RatePolicy(1, 3)));
        DescribeContactRequest describe = DescribeContactRequest.builder().instanceId(w.instance).contactId(w.root).build();
        GetContactAttributesRequest attributes = GetContactAttributesRequest.builder().instanceId(w.instance).initialContactId(w.root).build();
        w.service.describeContact(describe);
        w.service.getContactAttributes(attributes);
        assertThat(World.outcome(() -> w.service.describeContact(DescribeContactRequest.builder().instanceId(w.instance).contactId("nope")
                .build())).reason()).as("a refused call takes its token too").isEqualTo(Reason.CONTACT);
        assertThat(World.outcome(() -> w.service.getContactAttributes(attributes)))
                .isEqualTo(Outcome.error(ThrottlingException.class, Reason.RATE_EXCEEDED));
        assertThat(World.outcome(() -> w.service.startTaskContact(w.task().build())).isOk()).as("StartTaskContact has a bucket of its own").isTrue();
        w.clock.advance(Duration.ofSeconds(1));
        assertThat(w.service.describeContact(describe).contact().contactId()).isEqualTo(w.root);
    }

    @Test
    void everyWritingContactOperationIsThrottledBeforeItsOtherRulesAndChangesNothing() {
        Map<String, java.util.function.Consumer<World>> writes = new java.util.TreeMap<>(Map.of(
                "UpdateContact", w -> w.service.updateContact(dev.connecttasks.domain.request.UpdateContactRequest.builder()
                        .instanceId(w.instance).contactId(w.root).name("renamed").build()),
                "UpdateContactAttributes", w -> w.service.updateContactAttributes(dev.connecttasks.domain.request.UpdateContactAttributesRequest
                        .builder().instanceId(w.instance).initialContactId(w.root).attributes(Map.of("seed", "2")).build()),
                "TransferContact", w -> w.service.transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(w.instance, w.root,
                        w.flow, "queue", null, null)),
                "StopContact", w -> w.service.stopContact(dev.connecttasks.domain.request.StopContactRequest.builder().instanceId(w.instance)
                        .contactId(w.root).build())));
        writes.forEach((operation, write) -> {
            World w = new World(TaskPolicy.defaults().withContactOperationRate(new RatePolicy(1, 1)));
            DescribeContactRequest describe = DescribeContactRequest.builder().instanceId(w.instance).contactId(w.root).build();
            var before = w.service.describeContact(describe);
            assertThat(World.outcome(() -> {
                write.accept(w);
                return "";
            })).as("%s after the bucket's one token went", operation).isEqualTo(Outcome.error(ThrottlingException.class, Reason.RATE_EXCEEDED));
            w.clock.advance(Duration.ofSeconds(1));
            var after = w.service.describeContact(describe);
            assertThat(after.contact().name()).as(operation).isEqualTo(before.contact().name());
            assertThat(after.state()).as(operation).isEqualTo(before.state());
            assertThat(after.attributes()).as(operation).isEqualTo(before.attributes());
        });
    }

    @Test
    void anUpdateMayFillTheChainsAttributesToExactlyTheLimitAndNotAByteMore() {
        World w = World.defaults();
        // the root's scope holds seed=1: 5 bytes; 5 + "k" + 32,762 bytes = 32,768
        UpdateContactAttributesRequest fill = UpdateContactAttributesRequest.builder().instanceId(w.instance).initialContactId(w.root)
                .attributes(Map.of("k", "v".repeat(32_762))).build();
        w.service.updateContactAttributes(fill);
        UpdateContactAttributesRequest oneMore = UpdateContactAttributesRequest.builder().instanceId(w.instance).initialContactId(w.root)
                .attributes(Map.of("j", "")).build();
        assertThat(World.outcome(() -> {
            w.service.updateContactAttributes(oneMore);
            return "";
        })).isEqualTo(Outcome.error(IPE, Reason.ATTRIBUTES_TOO_LARGE));
        assertThat(w.service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(w.instance).initialContactId(w.root).build())
                .attributes()).containsOnlyKeys("seed", "k");
    }

    @Test
    void anIdleBucketRefillsToItsBurstAndNoFurther() {
        World w = new World(TaskPolicy.defaults().withContactOperationRate(new RatePolicy(1, 3)));
        DescribeContactRequest describe = DescribeContactRequest.builder().instanceId(w.instance).contactId(w.root).build();
        w.service.describeContact(describe);
        // two tokens left; three seconds would bring five without the burst's cap
        w.clock.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 3; i++) {
            w.service.describeContact(describe);
        }
        assertThat(World.outcome(() -> w.service.describeContact(describe))).as("a fourth call at once")
                .isEqualTo(Outcome.error(ThrottlingException.class, Reason.RATE_EXCEEDED));
    }

    /** Violations in the order of behaviour.md 3.2; applying any subset, the earliest decides. */
    private record Violation(int step, Class<? extends ConnectException> type, Reason reason, java.util.function.UnaryOperator<StartTaskContactRequest.Builder> apply) {
        @Override
        public String toString() {
            return reason.name();
        }
    }

    @Test
    void whenSeveralRulesFailTheEarliestInOrderDecides() {
        Property.forAll(Gens.lists(Gens.integers(0, 11), 1, 5)).tries(300).check(picks -> {
            World w = World.defaults();
            String full = w.start(w.task().build());
            for (int i = 0; i < 12; i++) {
                w.start(w.task().previousContactId(full).build());
            }
            String saved = w.flow(w.instance, "CONTACT_FLOW", "SAVED");
            List<Violation> all = List.of(
                    new Violation(2, IPE, Reason.INVALID_LENGTH, b -> b.name("n".repeat(1025))),
                    new Violation(3, IPE, Reason.INVALID_ATTRIBUTE_KEY, b -> b.attributes(Map.of("bad key", "v"))),
                    new Violation(4, IPE, Reason.INVALID_REFERENCE, b -> b.references(Map.of("r", Reference.of("ATTACHMENT", "v")))),
                    new Violation(5, IPE, Reason.INVALID_SEGMENT_ATTRIBUTE, b -> b.segmentAttributes(SegmentAttributeValue.contactExpiryMinutes(0))),
                    new Violation(6, IRE, Reason.PREVIOUS_AND_RELATED, b -> b.relatedContactId(w.voice)),
                    new Violation(7, IRE, Reason.MULTIPLE_FLOW_SOURCES, b -> b.quickConnectId("q")),
                    new Violation(8, RNF, Reason.INSTANCE, b -> b.instanceId("no-such-instance")),
                    new Violation(9, IPE, Reason.SCHEDULED_TIME_IN_PAST, b -> b.scheduledTime(w.clock.instant().minusSeconds(1))),
                    new Violation(10, RNF, Reason.CONTACT_FLOW, b -> b.contactFlowId("no-such-flow")),
                    new Violation(11, IRE, Reason.FLOW_NOT_USABLE, b -> b.contactFlowId(saved)),
                    new Violation(12, QUOTA, Reason.LINKED_TASKS, b -> b.previousContactId(full)),
                    new Violation(12, QUOTA, Reason.LINKED_TASKS, b -> b.previousContactId(full)));
            Map<Integer, Violation> chosen = new HashMap<>();
            picks.forEach(p -> chosen.put(all.get(p).step(), all.get(p)));
            StartTaskContactRequest.Builder b = w.task().previousContactId(w.root);
            // apply in order, except that an unknown flow and an unusable flow both set ContactFlowId: the earlier wins
            chosen.values().stream().sorted(java.util.Comparator.comparingInt(Violation::step).reversed()).forEach(v -> v.apply().apply(b));
            Violation first = chosen.values().stream().min(java.util.Comparator.comparingInt(Violation::step)).orElseThrow();
            w.assertRefusedWithoutEffect(b.build(), first.type(), first.reason());
        });
    }
}
