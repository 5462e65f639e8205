package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.InvalidParameterException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.policy.InstantRange;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.Property;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every store gives the same answer to the same input, however odd: U+0000, unpaired UTF-16
 * surrogates, characters outside the Basic Multilingual Plane (one character each, as the API
 * model's Smithy lengths count them), line ends, quotes, SQL and JSON syntax, in every text member
 * and every id. The examples pin each decision (behaviour.md 3.1); the property feeds random
 * awkward text to a random member on the in-memory store and the three databases and compares.
 */
class StoresAgreeOnAwkwardInputTest {

    private static final String EMOJI = "\uD83D\uDE00";
    private static final TaskPolicy POLICY = TaskPolicy.defaults().withThrottling(false);
    private static final List<String> AWKWARD = List.of("\u0000", "\uD800", "\uDFFF", "x\uD800y", EMOJI, "\uD834\uDD1E", "é", "日本",
            "\r\n", "\n", "\t", "'", "''", "\"", "\\", "\\u0000", "%", "_", "NULL", "'); DROP TABLE ct_contact; --", "{\"k\":[1]}",
            "\u2028", "\ufeff", "\u0001", "\u007f", "?", "$1");
    private static final Gen<String> AWKWARD_TEXT = Gens.lists(Gens.oneOf(Gens.elements(AWKWARD), Gens.strings(Gens.range('a', 'z'), 1, 3)), 1, 6)
            .map(parts -> String.join("", parts));

    /** The four stores, one service each, over one policy. */
    enum Store {
        MEMORY, H2, POSTGRESQL, MARIADB;

        /** Memory and the databases this run tries (all unless {@code connect.tasks.test.databases} names some). */
        static List<Store> selected() {
            return Arrays.stream(values()).filter(store -> store == MEMORY || TestDatabase.selected(TestDatabase.Kind.valueOf(store.name())))
                    .toList();
        }

        ConnectTasksService service() {
            return service(POLICY, java.time.Clock.systemUTC());
        }

        ConnectTasksService service(java.time.Clock clock) {
            return service(POLICY, clock);
        }

        /** A service on this store, emptied first, with {@code policy} and {@code clock}. */
        ConnectTasksService service(TaskPolicy policy, java.time.Clock clock) {
            return this == MEMORY ? ConnectTasks.inMemory(o -> o.policy(policy).clock(clock))
                    : JdbcConnectTasks.create(TestDatabase.shared(TestDatabase.Kind.valueOf(name())).emptied(),
                            o -> o.policy(policy).clock(clock).migrate(false));
        }
    }

    /** A service with an instance, a flow and one task, which the calls below may name. */
    private record Setup(ConnectTasksService service, String instance, String flow, String task) {

        static Setup on(ConnectTasksService service) {
            String instance = service.createInstance(CreateInstanceRequest.builder().instanceAlias("awkward").build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                    .build()).contactFlowId();
            String task = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                    .build()).contactId();
            return new Setup(service, instance, flow, task);
        }

        StartTaskContactRequest.Builder start() {
            return StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("n");
        }
    }

    /** One call with an awkward value in one member, answered as the stores' users see it: ids left out. */
    private record Call(String member, BiFunction<Setup, String, Object> call) {
        @Override
        public String toString() {
            return member;
        }
    }

    private static final List<Call> CALLS = List.of(
            new Call("Name", (s, v) -> described(s, s.start().name(v))),
            new Call("Description", (s, v) -> described(s, s.start().description(v))),
            new Call("ClientToken", (s, v) -> {
                Object first = described(s, s.start().clientToken(v));
                return first + " / replayed " + s.service().startTaskContact(s.start().clientToken(v).build()).contactId()
                        .equals(s.service().startTaskContact(s.start().clientToken(v).build()).contactId());
            }),
            new Call("Attributes value", (s, v) -> described(s, s.start().attributes(Map.of("k", v)))),
            new Call("References value", (s, v) -> described(s, s.start().references(Map.of("r", Reference.of("STRING", v))))),
            new Call("References key", (s, v) -> described(s, s.start().references(Map.of(v, Reference.of("STRING", "x"))))),
            new Call("connect:CreatedByUser agent", (s, v) -> described(s, s.start().segmentAttributes(Map.of("connect:CreatedByUser",
                    SegmentAttributeValue.ofString(ResourceArns.INSTANCE_ARN_PREFIX + s.instance() + "/agent/" + v))))),
            new Call("InstanceAlias", (s, v) -> s.service().createInstance(CreateInstanceRequest.builder().instanceAlias(v).build())
                    .instanceId().isEmpty()),
            new Call("flow Name", (s, v) -> s.service().createContactFlow(CreateContactFlowRequest.builder().instanceId(s.instance()).name(v)
                    .type("CONTACT_FLOW").build()).contactFlowId().isEmpty()),
            new Call("flow Description", (s, v) -> flow(s, CreateContactFlowRequest.builder().description(v))),
            new Call("flow Content", (s, v) -> flow(s, CreateContactFlowRequest.builder().content(v))),
            new Call("flow Tags value", (s, v) -> flow(s, CreateContactFlowRequest.builder().tags(Map.of("team", v)))),
            new Call("flow Tags key", (s, v) -> flow(s, CreateContactFlowRequest.builder().tags(Map.of(v, "x")))),
            new Call("template Description", (s, v) -> template(s, CreateTaskTemplateRequest.builder().description(v), List.of())),
            new Call("template field Description", (s, v) -> template(s, CreateTaskTemplateRequest.builder(),
                    List.of(new TemplateField("F", FieldType.TEXT, List.of(), java.util.Optional.of(v))))),
            new Call("InstanceId", (s, v) -> described(s, s.start().instanceId(v))),
            new Call("ContactFlowId", (s, v) -> described(s, s.start().contactFlowId(v))),
            new Call("PreviousContactId", (s, v) -> described(s, s.start().previousContactId(v))),
            new Call("RelatedContactId", (s, v) -> described(s, s.start().relatedContactId(v))),
            new Call("DescribeContact ContactId", (s, v) -> s.service().describeContact(DescribeContactRequest.builder()
                    .instanceId(s.instance()).contactId(v).build()).contact().name()),
            new Call("StopContact ContactId", (s, v) -> {
                s.service().stopContact(StopContactRequest.builder().instanceId(s.instance()).contactId(v).build());
                return "stopped";
            }),
            new Call("UpdateContactAttributes value", (s, v) -> {
                s.service().updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(s.instance())
                        .initialContactId(s.task()).attributes(Map.of("k", v)).build());
                return attributes(s, s.task());
            }));

    /** What a start leaves, as DescribeContact and GetContactAttributes show it, without the ids that differ per store. */
    private static String described(Setup s, StartTaskContactRequest.Builder request) {
        String id = s.service().startTaskContact(request.build()).contactId();
        var contact = s.service().describeContact(DescribeContactRequest.builder().instanceId(s.instance()).contactId(id).build()).contact();
        return "name=" + contact.name() + " description=" + contact.description() + " references=" + new LinkedHashMap<>(contact.references())
                + " attributes=" + attributes(s, id) + " segments=" + new java.util.TreeMap<>(contact.segmentAttributes()).toString()
                .replace(s.instance(), "<instance>");
    }

    /** A flow created with the member under test, as DescribeContactFlow shows it, without its ids. */
    private static String flow(Setup s, CreateContactFlowRequest.Builder request) {
        var created = s.service().createContactFlow(request.instanceId(s.instance()).name("f").type("CONTACT_FLOW").build());
        var flow = s.service().describeContactFlow(s.instance(), created.contactFlowId());
        return "description=" + flow.description() + " content=" + flow.content() + " tags=" + new java.util.TreeMap<>(flow.tags());
    }

    /** A template created with the member under test, as GetTaskTemplate shows it, without its ids. */
    private static String template(Setup s, CreateTaskTemplateRequest.Builder request, List<TemplateField> fields) {
        var created = s.service().createTaskTemplate(request.instanceId(s.instance()).name("t").contactFlowId(s.flow()).fields(fields).build());
        var template = s.service().getTaskTemplate(s.instance(), created.taskTemplateId());
        return "description=" + template.description() + " fields=" + template.fields();
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void descriptionsContentAndTagsComeBackAsGivenAndTheirLimitsHoldOnEveryStore(Store store) {
        Setup s = Setup.on(store.service());
        String flowLanguage = "{\"Version\":\"2019-10-30\",\"Actions\":[]}";
        String content = flowLanguage + EMOJI.repeat(256_000 - flowLanguage.length());
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            tags.put("k" + i, EMOJI.repeat(256));
        }
        tags.put("k0", "");
        String longest = flow(s, CreateContactFlowRequest.builder().description("Routes; 'quoted' \"text\"\r\n" + EMOJI).content(content).tags(tags));
        assertThat(longest).isEqualTo("description=Optional[Routes; 'quoted' \"text\"\r\n" + EMOJI + "] content=Optional[" + content + "] tags="
                + new java.util.TreeMap<>(tags));
        assertThat(flow(s, CreateContactFlowRequest.builder())).isEqualTo("description=Optional.empty content=Optional.empty tags={}");

        InvalidParameterException contentTooLong = refused(InvalidParameterException.class,
                () -> flow(s, CreateContactFlowRequest.builder().content(content + "x")));
        assertThat(contentTooLong.reason()).isEqualTo(Reason.INVALID_LENGTH);
        assertThat(contentTooLong).hasMessage("Content must be at most 256000 characters (was 256001)");
        Map<String, String> tooMany = new LinkedHashMap<>(tags);
        tooMany.put("k50", "v");
        InvalidParameterException tooManyTags = refused(InvalidParameterException.class, () -> flow(s, CreateContactFlowRequest.builder().tags(tooMany)));
        assertThat(tooManyTags.reason()).isEqualTo(Reason.INVALID_TAG);
        assertThat(tooManyTags).hasMessage("Tags must have at most 50 entries (was 51)");
        for (String key : List.of("aws:owner", "a,b", "😀", "a!")) {
            assertThat(refused(InvalidParameterException.class, () -> flow(s, CreateContactFlowRequest.builder().tags(Map.of(key, "v"))))
                    .reason()).as(key).isEqualTo(Reason.INVALID_TAG);
        }
        assertThat(refused(InvalidParameterException.class, () -> flow(s, CreateContactFlowRequest.builder().tags(Map.of("k", EMOJI.repeat(257))))))
                .hasMessage("Tags value of 'k' must be at most 256 characters (was 257)");
        assertThat(refused(InvalidParameterException.class, () -> flow(s, CreateContactFlowRequest.builder().tags(Map.of("k".repeat(129), "v"))))
                .reason()).isEqualTo(Reason.INVALID_LENGTH);

        assertThat(template(s, CreateTaskTemplateRequest.builder().description(EMOJI.repeat(255)),
                List.of(new TemplateField("F", FieldType.TEXT, List.of(), java.util.Optional.of(EMOJI.repeat(255))))))
                .isEqualTo("description=Optional[" + EMOJI.repeat(255) + "] fields=[TemplateField[name=F, type=TEXT, options=[], description=Optional["
                        + EMOJI.repeat(255) + "]]]");
        assertThat(refused(InvalidParameterException.class, () -> template(s, CreateTaskTemplateRequest.builder().description(EMOJI.repeat(256)),
                List.of()))).hasMessage("Description must be at most 255 characters (was 256)");
        assertThat(refused(InvalidParameterException.class, () -> template(s, CreateTaskTemplateRequest.builder().description(""), List.of()))
                .reason()).isEqualTo(Reason.INVALID_LENGTH);
        assertThat(refused(InvalidParameterException.class, () -> template(s, CreateTaskTemplateRequest.builder(),
                List.of(new TemplateField("F", FieldType.TEXT, List.of(), java.util.Optional.of(EMOJI.repeat(256)))))))
                .hasMessage("Fields Description must be at most 255 characters (was 256)");
        assertThat(s.service().listTaskTemplates(s.instance())).as("refused templates are not kept").hasSize(1);
    }

    private static Map<String, String> attributes(Setup s, String contactId) {
        return s.service().getContactAttributes(GetContactAttributesRequest.builder().instanceId(s.instance()).initialContactId(contactId)
                .build()).attributes();
    }

    private static Outcome outcome(Store store, Call call, String value) {
        Setup setup = Setup.on(store.service());
        return Outcome.of(() -> call.call().apply(setup, value));
    }

    @Test
    void everyStoreAnswersAwkwardTextInEveryMemberAlike() {
        Gen<Integer> which = Gens.integers(0, CALLS.size() - 1);
        Property.forAll(Gens.combine(which, AWKWARD_TEXT, (i, v) -> Map.entry(CALLS.get(i), v)))
                .named("stores agree on awkward input").tries(120).check(input -> {
                    Map<Store, Outcome> outcomes = new LinkedHashMap<>();
                    for (Store store : Store.selected()) {
                        outcomes.put(store, outcome(store, input.getKey(), input.getValue()));
                    }
                    assertThat(new ArrayList<>(outcomes.values())).as("%s = %s on %s", input.getKey(), escaped(input.getValue()), outcomes)
                            .allMatch(outcomes.get(Store.MEMORY)::equals);
                });
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void lengthsCountUnicodeCharactersAsTheApiModelDoes(Store store) {
        Setup s = Setup.on(store.service());
        String name = EMOJI.repeat(1024);
        assertThat(described(s, s.start().name(name))).startsWith("name=" + name + " ");
        InvalidParameterException tooLong = refused(InvalidParameterException.class, () -> described(s, s.start().name(EMOJI.repeat(1025))));
        assertThat(tooLong.reason()).isEqualTo(Reason.INVALID_LENGTH);
        assertThat(tooLong).hasMessage("Name must be at most 1024 characters (was 1025)");
        assertThat(described(s, s.start().clientToken(EMOJI.repeat(500)))).contains("name=n");
        assertThat(described(s, s.start().attributes(Map.of("k", EMOJI.repeat(8_000))))).contains("k=" + EMOJI);
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void anUnpairedSurrogateIsRefusedInEveryMember(Store store) {
        Setup s = Setup.on(store.service());
        for (Function<String, StartTaskContactRequest.Builder> member : List.<Function<String, StartTaskContactRequest.Builder>>of(
                v -> s.start().name(v), v -> s.start().clientToken(v), v -> s.start().contactFlowId(v), v -> s.start().instanceId(v),
                v -> s.start().attributes(Map.of("k", v)), v -> s.start().references(Map.of("r", Reference.of("STRING", v))))) {
            InvalidParameterException refused = refused(InvalidParameterException.class, () -> described(s, member.apply("q\uD800")));
            assertThat(refused.reason()).isEqualTo(Reason.INVALID_CHARACTERS);
            assertThat(refused.getMessage()).contains("unpaired UTF-16 surrogate U+D800 at index 1");
        }
        assertThat(described(s, s.start().clientToken("q?"))).as("no longer collides with q\\uD800").contains("name=n");
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void nulIsRefusedInTextAndNamesNoResourceAsAnId(Store store) {
        Setup s = Setup.on(store.service());
        for (Function<String, StartTaskContactRequest.Builder> member : List.<Function<String, StartTaskContactRequest.Builder>>of(
                v -> s.start().name(v), v -> s.start().description(v), v -> s.start().clientToken(v),
                v -> s.start().attributes(Map.of("k", v)), v -> s.start().references(Map.of("r", Reference.of("STRING", v))))) {
            InvalidParameterException refused = refused(InvalidParameterException.class, () -> described(s, member.apply("a\u0000b")));
            assertThat(refused.reason()).isEqualTo(Reason.INVALID_CHARACTERS);
            assertThat(refused.getMessage()).contains("must not contain U+0000 (NUL), found at index 1");
        }
        assertThat(refused(InvalidParameterException.class, () -> s.service().createInstance(CreateInstanceRequest.builder()
                .instanceAlias("a\u0000").build())).reason()).isEqualTo(Reason.INVALID_CHARACTERS);
        Map<Reason, Function<String, StartTaskContactRequest.Builder>> ids = Map.of(Reason.INSTANCE, v -> s.start().instanceId(v),
                Reason.CONTACT_FLOW, v -> s.start().contactFlowId(v), Reason.PREVIOUS_CONTACT, v -> s.start().previousContactId(v),
                Reason.RELATED_CONTACT, v -> s.start().relatedContactId(v));
        // U+0000 last, and first (where a search for it that starts past the first character would miss it)
        for (String id : List.of(s.task() + "\u0000", "\u0000" + s.task())) {
            ids.forEach((reason, member) -> assertThat(refused(ResourceNotFoundException.class,
                    () -> described(s, member.apply(id))).reason()).as("%s", reason).isEqualTo(reason));
            assertThat(refused(ResourceNotFoundException.class, () -> s.service().describeContact(DescribeContactRequest.builder()
                    .instanceId(s.instance()).contactId(id).build())).reason()).isEqualTo(Reason.CONTACT);
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void everyStoreServesTheSameRangeOfInstantsToTheNanosecond(Store store) {
        InstantRange range = new InstantRange(POLICY);
        for (Instant now : List.of(InstantRange.EARLIEST, Instant.parse("1969-12-31T23:59:59.999999999Z"), range.latestClock())) {
            MutableClock clock = new MutableClock(now);
            Setup s = Setup.on(store.service(clock));
            Instant scheduled = now.plus(POLICY.scheduleWindow());
            String id = s.service().startTaskContact(s.start().scheduledTime(scheduled)
                    .segmentAttributes(SegmentAttributeValue.contactExpiryMinutes((int) TaskPolicy.MAX_EXPIRY_OVERRIDE.toMinutes())).build())
                    .contactId();
            var contact = s.service().describeContact(DescribeContactRequest.builder().instanceId(s.instance()).contactId(id).build()).contact();
            assertThat(contact.initiationTimestamp()).as("%s", now).isEqualTo(now);
            assertThat(contact.scheduledTime()).contains(scheduled);
            s.service().stopContact(StopContactRequest.builder().instanceId(s.instance()).contactId(id).build());
        }
        for (Instant outside : List.of(InstantRange.EARLIEST.minusNanos(1), range.latestClock().plusNanos(1),
                Instant.parse("2262-04-01T00:00:00Z"), Instant.MAX)) {
            ConnectTasksService service = store.service(new MutableClock(outside));
            InvalidRequestException refused = refused(InvalidRequestException.class,
                    () -> service.createInstance(CreateInstanceRequest.builder().instanceAlias("late").build()));
            assertThat(refused.reason()).as("%s", outside).isEqualTo(Reason.TIME_OUT_OF_RANGE);
            assertThat(refused.getMessage()).contains(outside.toString());
        }
    }

    private static <E extends RuntimeException> E refused(Class<E> type, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            assertThat(e).isInstanceOf(type);
            return type.cast(e);
        }
        throw new AssertionError("expected " + type.getSimpleName());
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
