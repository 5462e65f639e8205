package dev.connecttasks.testkit.model;

import dev.connecttasks.domain.error.ResourceNotFoundException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.contact.ContactState;
import dev.connecttasks.domain.contact.Reference;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.contact.SegmentAttributeValue;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.request.UpdateContactFlowRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.domain.request.UpdateTaskTemplateRequest;
import dev.connecttasks.domain.template.FieldType;
import dev.connecttasks.domain.template.TemplateConstraints;
import dev.connecttasks.domain.template.TemplateField;
import dev.connecttasks.testkit.property.Command;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.StateMachine;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.Outcome;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The model-based stateful property's machine, for any adapter: random set-up, starts with every mix
 * of members, linked and related starts, ClientToken retries, attribute updates, stops, reschedules
 * and clock advances, each compared with {@link TaskModel}; after every step every contact is
 * described and compared, and the invariants of behaviour.md section 9 are checked.
 */
public final class TaskServiceMachine implements StateMachine<TaskModel, TaskServiceMachine.Sut> {

    /** One Unicode character, two UTF-16 units: where a length counted in units would differ. */
    private static final String EMOJI = "\uD83D\uDE00";


    /** Builds a fresh, empty service on the given clock, ids and policy (throttling is off in the policy). */
    @FunctionalInterface
    public interface ServiceFactory {
        ConnectTasksService create(Clock clock, IdSource ids, TaskPolicy policy) throws Exception;
    }

    /** The service under test, its clock, and where each step's outcome is reported (see {@link #tracing}). */
    public record Sut(ConnectTasksService service, MutableClock clock, Consumer<String> trace) {
    }

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String PREFIX = "id";
    private static final String UNKNOWN = "no-such-id";
    private static final List<TemplateField> FIELDS = List.of(
            new TemplateField("Priority", FieldType.SINGLE_SELECT, List.of("low", "high")),
            TemplateField.of("Count", FieldType.NUMBER),
            TemplateField.of("Notes", FieldType.TEXT),
            TemplateField.of("Summary", FieldType.DESCRIPTION),
            TemplateField.of("Title", FieldType.NAME),
            TemplateField.of("When", FieldType.SCHEDULED_TIME),
            TemplateField.of("Details", FieldType.TEXT_AREA),
            TemplateField.of("Urgent", FieldType.BOOLEAN),
            TemplateField.of("Due", FieldType.DATE_TIME),
            TemplateField.of("Site", FieldType.URL),
            TemplateField.of("Mail", FieldType.EMAIL));

    private final ServiceFactory factory;
    private final TaskPolicy policy;
    private final Consumer<String> trace;

    public TaskServiceMachine(ServiceFactory factory, TaskPolicy policy) {
        this(factory, policy, step -> { });
    }

    private TaskServiceMachine(ServiceFactory factory, TaskPolicy policy, Consumer<String> trace) {
        this.factory = factory;
        this.policy = policy.withThrottling(false);
        this.trace = trace;
    }

    /**
     * The same machine, also reporting every step as "command -> outcome" to {@code trace}: two
     * services run from the same seed can then be compared step by step (differential testing).
     */
    public TaskServiceMachine tracing(Consumer<String> sink) {
        return new TaskServiceMachine(factory, policy, sink);
    }

    /** Small limits, so that sequences of 50 steps reach every quota. */
    public static TaskPolicy smallLimits() {
        return TaskPolicy.defaults().withLinkedTasksPerContact(3).withOpenTasksPerInstance(6).withReschedulesPerTask(2);
    }

    @Override
    public TaskModel initialState() {
        return TaskModel.initial(policy, PREFIX, START);
    }

    @Override
    public Sut newSystem() throws Exception {
        MutableClock clock = new MutableClock(START);
        return new Sut(factory.create(clock, new SequentialIds(PREFIX), policy), clock, trace);
    }

    @Override
    public void close(Sut system) {
    }

    @Override
    public Gen<Command<TaskModel, Sut>> commands(TaskModel m) {
        if (m.instances().isEmpty()) {
            return Gens.constant(createInstance());
        }
        List<Gens.Weighted<Command<TaskModel, Sut>>> options = new ArrayList<>();
        options.add(Gens.weighted(1, Gens.constant(createInstance())));
        boolean noUsableFlow = m.flows().values().stream().noneMatch(f -> f.type().equals("CONTACT_FLOW") && f.status().equals("PUBLISHED"));
        options.add(Gens.weighted(noUsableFlow ? 12 : 2, createFlow(m)));
        options.add(Gens.weighted(2, updateFlow(m)));
        options.add(Gens.weighted(2, createQuickConnect(m)));
        options.add(Gens.weighted(2, createTemplate(m)));
        options.add(Gens.weighted(1, templateStatus(m)));
        options.add(Gens.weighted(2, recordContact(m)));
        options.add(Gens.weighted(16, startTask(m)));
        options.add(Gens.weighted(3, updateAttributes(m)));
        options.add(Gens.weighted(1, getAttributes(m)));
        options.add(Gens.weighted(2, stop(m)));
        options.add(Gens.weighted(2, reschedule(m)));
        options.add(Gens.weighted(2, updateExpiry(m)));
        options.add(Gens.weighted(2, transfer(m)));
        options.add(Gens.weighted(1, delete(m)));
        if (m.instances().size() > 1) {
            // one instance is always left to fill its quotas and chains
            options.add(Gens.weighted(1, deleteInstance(m)));
        }
        options.add(Gens.weighted(2, outboundVoice(m)));
        options.add(Gens.weighted(1, updateFlowContent(m)));
        options.add(Gens.weighted(1, updateQuickConnectConfig(m)));
        options.add(Gens.weighted(1, list(m)));
        options.add(Gens.weighted(1, search(m)));
        options.add(Gens.weighted(2, tagContact(m)));
        options.add(Gens.weighted(1, untagContact(m)));
        options.add(Gens.weighted(1, tagFlow(m)));
        options.add(Gens.weighted(1, flowTags(m)));
        options.add(Gens.weighted(2, listReferences(m)));
        options.add(Gens.weighted(2, changeTemplate(m)));
        options.add(Gens.weighted(2, advance()));
        return Gens.frequency(options);
    }

    @Override
    public void invariants(TaskModel m, Sut sut) {
        ConnectTasksService service = sut.service();
        Map<String, Map<String, String>> chainAttributes = new TreeMap<>();
        for (TaskModel.ModelContact c : m.contacts().values()) {
            if (!m.instances().contains(c.instanceId())) {
                assertThat(Outcome.of(() -> service.describeContact(DescribeContactRequest.builder().instanceId(c.instanceId())
                        .contactId(c.id()).build()))).as("%s of a deleted instance", c.id())
                        .isEqualTo(Outcome.error(ResourceNotFoundException.class, dev.connecttasks.domain.error.Reason.INSTANCE));
                continue;
            }
            DescribeContactResponse d = service.describeContact(DescribeContactRequest.builder().instanceId(c.instanceId()).contactId(c.id()).build());
            assertThat(d.contact().initialContactId()).as("InitialContactId of %s", c.id()).isEqualTo(c.initialContactId());
            assertThat(d.state()).as("state of %s at %s", c.id(), m.now()).isEqualTo(c.openAt(m.now()) ? ContactState.OPEN : ContactState.ENDED);
            assertThat(d.disconnectTimestamp()).as("DisconnectTimestamp of %s at %s", c.id(), m.now()).isEqualTo(c.disconnectedAt(m.now()));
            assertThat(d.expiresAt()).as("expiry of %s", c.id()).isEqualTo(c.expiresAt());
            assertThat(d.disconnectReason().map(Enum::name)).as("DisconnectReason of %s at %s", c.id(), m.now())
                    .isEqualTo(c.disconnectReason(m.now()));
            assertThat(new TreeMap<>(d.attributes())).as("attributes of %s", c.id()).isEqualTo(new TreeMap<>(m.attributesOf(c.id())));
            assertThat(d.contact().flow().map(f -> f.contactFlowId())).as("flow of %s", c.id()).isEqualTo(c.flowId());
            assertThat(new TreeMap<>(d.tags())).as("tags of %s", c.id()).isEqualTo(new TreeMap<>(m.tagsOf(TaskModel.tagKey(c.instanceId(),
                    "contact", c.id()))));
            assertThat(d.contact().flow().map(f -> f.source().name())).as("flow source of %s", c.id()).isEqualTo(c.flowSource());
            Map<String, String> seen = chainAttributes.putIfAbsent(c.initialContactId(), d.attributes());
            if (seen != null) {
                assertThat(d.attributes()).as("chain %s reads one set of attributes", c.initialContactId()).isEqualTo(seen);
            }
            assertThat(m.linkedTasks(c.id())).isLessThanOrEqualTo(policy.linkedTasksPerContact());
        }
        for (String instance : m.instances()) {
            assertThat(m.openTasks(instance)).isLessThanOrEqualTo(policy.openTasksPerInstance());
            // nothing was created that the model did not create: the next id is still unused
            assertThat(Outcome.of(() -> service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(m.nextId()).build())))
                    .isEqualTo(Outcome.error(ResourceNotFoundException.class, dev.connecttasks.domain.error.Reason.CONTACT));
        }
    }

    // ---- commands ----

    private static Command<TaskModel, Sut> step(String description, Function<TaskModel, TaskModel.Next> model, Function<Sut, Object> call) {
        return new Command<>() {
            @Override
            public TaskModel run(TaskModel m, Sut sut) {
                TaskModel.Next expected = model.apply(m);
                Outcome actual = outcome(() -> call.apply(sut));
                sut.trace().accept(description + " -> " + actual);
                assertThat(actual).as("outcome of %s", description).isEqualTo(expected.outcome());
                return expected.model();
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    private static Outcome outcome(Supplier<Object> call) {
        try {
            Object value = call.get();
            return Outcome.ok(value);
        } catch (ConnectException e) {
            return Outcome.of(e);
        }
    }

    private Command<TaskModel, Sut> createInstance() {
        return step("CreateInstance", TaskModel::createInstance,
                sut -> sut.service().createInstance(CreateInstanceRequest.builder().build()).instanceId());
    }

    private Gen<Command<TaskModel, Sut>> createFlow(TaskModel m) {
        return Gens.combine(instance(m), Gens.frequency(List.of(Gens.weighted(3, Gens.constant("CONTACT_FLOW")),
                        Gens.weighted(1, Gens.elements("AGENT_TRANSFER", "QUEUE_TRANSFER", "CUSTOMER_QUEUE")))),
                Gens.frequency(List.of(Gens.weighted(4, Gens.constant("PUBLISHED")), Gens.weighted(1, Gens.constant("SAVED")))),
                (instance, type, status) -> step("CreateContactFlow(" + instance + ", " + type + ", " + status + ")",
                        model -> model.createFlow(instance, type, status),
                        sut -> sut.service().createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("flow")
                                .type(type).status(status).build()).contactFlowId()));
    }

    private Gen<Command<TaskModel, Sut>> updateFlow(TaskModel m) {
        return Gens.combine(pick(m.flows(), m), Gens.elements("ACTIVE", "ARCHIVED"), Gens.elements("PUBLISHED", "SAVED"), Gens.integers(0, 2),
                (flow, state, status, which) -> {
                    Optional<String> st = which != 1 ? Optional.of(state) : Optional.empty();
                    Optional<String> pub = which != 0 ? Optional.of(status) : Optional.empty();
                    String instance = instanceOf(m, flow);
                    return step("UpdateContactFlow(" + flow + ", " + st + ", " + pub + ")", model -> model.updateFlow(instance, flow, st, pub),
                            sut -> sut.service().updateContactFlow(UpdateContactFlowRequest.builder().instanceId(instance).contactFlowId(flow)
                                    .contactFlowState(st.orElse(null)).status(pub.orElse(null)).build()).contactFlowId());
                });
    }

    private Gen<Command<TaskModel, Sut>> createQuickConnect(TaskModel m) {
        return Gens.combine(instance(m), Gens.elements("USER", "QUEUE", "PHONE_NUMBER", "FLOW"), pick(m.flows(), m),
                (instance, type, flow) -> {
                    Optional<String> flowId = type.equals("PHONE_NUMBER") ? Optional.empty() : Optional.of(flow);
                    return step("CreateQuickConnect(" + instance + ", " + type + ", " + flowId + ")",
                            model -> model.createQuickConnect(instance, type, flowId),
                            sut -> sut.service().createQuickConnect(CreateQuickConnectRequest.builder().instanceId(instance).name("qc")
                                    .quickConnectType(type).target(type.equals("FLOW") ? null : "+15550100")
                                    .contactFlowId(flowId.orElse(null)).build()).quickConnectId());
                });
    }

    private Gen<Command<TaskModel, Sut>> createTemplate(TaskModel m) {
        // required fields with and without defaults, of every field type (the two template bugs users met were there);
        // defaults a start would find invalid too (checked at the start, not at creation), and 4-byte and line-break text
        Gen<Set<String>> required = Gens.lists(Gens.elements("Priority", "Count", "Notes", "Summary", "Title", "When", "Details", "Urgent",
                "Due", "Site", "Mail", "Missing"), 0, 4).map(Set::copyOf);
        Gen<Map<String, String>> defaults = Gens.lists(Gens.elements(
                Map.entry("Priority", "low"), Map.entry("Priority", "urgent"), Map.entry("Count", "3"), Map.entry("Count", "three"),
                Map.entry("Summary", "from template"), Map.entry("Summary", EMOJI + "\r\n"), Map.entry("Title", "Task from the template"),
                Map.entry("Title", "日本" + EMOJI), Map.entry("When", "1767603600"), Map.entry("Notes", ""), Map.entry("Notes", EMOJI.repeat(511)),
                Map.entry("Notes", EMOJI.repeat(512)), Map.entry("Details", "line\r\n" + EMOJI), Map.entry("Urgent", "true"),
                Map.entry("Urgent", "maybe"), Map.entry("Due", "1767603600"), Map.entry("Due", "tomorrow"),
                Map.entry("Site", "https://example.com/" + EMOJI), Map.entry("Site", "ftp://example.com"), Map.entry("Mail", "a@b.example"),
                Map.entry("Mail", "no-at-sign")), 0, 4)
                .map(es -> { Map<String, String> d = new TreeMap<>(); es.forEach(e -> d.put(e.getKey(), e.getValue())); return d; });
        return Gens.combine(instance(m), Gens.optionals(pick(m.flows(), m)), Gens.combine(required, defaults, (r, d) -> Map.entry(r, d)),
                Gens.frequency(List.of(Gens.weighted(4, Gens.constant("ACTIVE")), Gens.weighted(1, Gens.constant("INACTIVE")))),
                (instance, flow, rd, status) -> {
                    Map<String, String> fieldTypes = new LinkedHashMap<>();
                    FIELDS.forEach(f -> fieldTypes.put(f.name(), f.type().name()));
                    TaskModel.Template t = new TaskModel.Template(instance, flow, fieldTypes, Map.of("Priority", List.of("low", "high")),
                            rd.getKey(), rd.getValue(), status, 1);
                    return step("CreateTaskTemplate(" + instance + ", flow " + flow + ", required " + rd.getKey() + ", defaults " + rd.getValue() + ", " + status + ")",
                            model -> model.createTemplate(t),
                            sut -> sut.service().createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(instance).name("tt")
                                    .contactFlowId(flow.orElse(null)).fields(FIELDS).constraints(TemplateConstraints.required(rd.getKey()))
                                    .defaults(rd.getValue()).status(status).build()).taskTemplateId());
                });
    }

    /** A full update, as clients send it: the template's content again, a new status, and now and then no ContactFlowId (no flow then). */
    private Gen<Command<TaskModel, Sut>> templateStatus(TaskModel m) {
        return Gens.combine(pick(m.templates(), m), Gens.elements("ACTIVE", "INACTIVE"), Gens.frequency(List.of(Gens.weighted(4,
                Gens.constant(true)), Gens.weighted(1, Gens.constant(false)))), (template, status, keepFlow) -> {
            String instance = instanceOf(m, template);
            TaskModel.Template known = m.templates().get(template);
            UpdateTaskTemplateRequest.Builder update = UpdateTaskTemplateRequest.builder().instanceId(instance).taskTemplateId(template)
                    .status(status);
            if (known != null) {
                update.fields(FIELDS).constraints(TemplateConstraints.required(known.required())).defaults(known.defaults());
                if (keepFlow) {
                    update.contactFlowId(known.flowId().orElse(null));
                }
            }
            return step("UpdateTaskTemplate(" + template + ", " + status + (keepFlow ? "" : ", no ContactFlowId") + ")",
                    model -> model.updateTemplate(instance, template, status, keepFlow),
                    sut -> sut.service().updateTaskTemplate(update.build()).taskTemplateId());
        });
    }

    private Gen<Command<TaskModel, Sut>> recordContact(TaskModel m) {
        return Gens.combine(instance(m), Gens.elements("VOICE", "CHAT", "EMAIL"), attributes(),
                (instance, channel, attributes) -> step("RecordContact(" + instance + ", " + channel + ", " + brief(attributes) + ")",
                        model -> model.recordContact(instance, channel, attributes),
                        sut -> sut.service().recordContact(RecordContactRequest.builder().instanceId(instance).channel(channel)
                                .attributes(attributes).build())));
    }

    private Gen<Command<TaskModel, Sut>> startTask(TaskModel m) {
        return request(m).map(r -> step("StartTaskContact(" + brief(r) + ")", model -> model.startTask(r),
                sut -> sut.service().startTaskContact(r).contactId()));
    }

    private Gen<Command<TaskModel, Sut>> updateAttributes(TaskModel m) {
        return Gens.combine(contact(m), attributes(), (contact, attributes) -> {
            String instance = instanceOf(m, contact);
            return step("UpdateContactAttributes(" + contact + ", " + brief(attributes) + ")", model -> model.updateAttributes(instance, contact, attributes),
                    sut -> { sut.service().updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(instance)
                            .initialContactId(contact).attributes(attributes).build()); return "updated"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> getAttributes(TaskModel m) {
        return contact(m).map(contact -> {
            String instance = instanceOf(m, contact);
            return step("GetContactAttributes(" + contact + ")", model -> model.getAttributes(instance, contact),
                    sut -> new TreeMap<>(sut.service().getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance)
                            .initialContactId(contact).build()).attributes()));
        });
    }

    private Gen<Command<TaskModel, Sut>> stop(TaskModel m) {
        return contact(m).map(contact -> {
            String instance = instanceOf(m, contact);
            return step("StopContact(" + contact + ")", model -> model.stop(instance, contact),
                    sut -> { sut.service().stopContact(StopContactRequest.builder().instanceId(instance).contactId(contact).build()); return "stopped"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> reschedule(TaskModel m) {
        return Gens.combine(contact(m), scheduleOffset(), (contact, offset) -> {
            String instance = instanceOf(m, contact);
            Instant time = m.now().plus(offset);
            return step("UpdateContactSchedule(" + contact + ", now+" + offset + ")", model -> model.reschedule(instance, contact, time),
                    sut -> { sut.service().updateContactSchedule(UpdateContactScheduleRequest.builder().instanceId(instance).contactId(contact)
                            .scheduledTime(time).build()); return "rescheduled"; });
        });
    }

    /** UpdateContact moving a task's end (the rest of UpdateContact changes nothing the model's invariants read). */
    private Gen<Command<TaskModel, Sut>> updateExpiry(TaskModel m) {
        return Gens.combine(contact(m), Gens.elements(1, 2, 60, 24 * 60, 7 * 24 * 60, 90 * 24 * 60), (contact, minutes) -> {
            String instance = instanceOf(m, contact);
            return step("UpdateContact(" + contact + ", ContactExpiry " + minutes + " min)", model -> model.updateExpiry(instance, contact, minutes, Optional.of("renamed")),
                    sut -> { sut.service().updateContact(dev.connecttasks.domain.request.UpdateContactRequest.builder().instanceId(instance)
                            .contactId(contact).name("renamed")
                            .segmentAttributes(dev.connecttasks.domain.contact.SegmentAttributeValue.contactExpiryMinutes(minutes)).build());
                        return "updated"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> transfer(TaskModel m) {
        return Gens.combine(contact(m), pick(m.flows(), m), Gens.booleans(), (contact, flow, toQueue) -> {
            String instance = instanceOf(m, contact);
            return step("TransferContact(" + contact + ", " + flow + (toQueue ? ", queue" : "") + ")",
                    model -> model.transfer(instance, contact, flow, toQueue),
                    sut -> sut.service().transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(instance, contact, flow,
                            toQueue ? "queue-1" : null, null, null)).contactId());
        });
    }

    private Gen<Command<TaskModel, Sut>> delete(TaskModel m) {
        return Gens.oneOf(
                pick(m.flows(), m).map(id -> deleteStep("flow", m, id, (s, i) -> s.deleteContactFlow(i, id))),
                pick(m.quickConnects(), m).map(id -> deleteStep("quick connect", m, id, (s, i) -> s.deleteQuickConnect(i, id))),
                pick(m.templates(), m).map(id -> deleteStep("template", m, id, (s, i) -> s.deleteTaskTemplate(i, id))));
    }

    private static Command<TaskModel, Sut> deleteStep(String kind, TaskModel m, String id,
                                                      java.util.function.BiConsumer<ConnectTasksService, String> call) {
        String instance = instanceOf(m, id);
        return step("Delete " + kind + "(" + id + ")", model -> model.delete(kind, instance, id),
                sut -> { call.accept(sut.service(), instance); return "deleted"; });
    }

    private Gen<Command<TaskModel, Sut>> updateFlowContent(TaskModel m) {
        return pick(m.flows(), m).map(flow -> {
            String instance = instanceOf(m, flow);
            return step("UpdateContactFlowContent(" + flow + ")", model -> model.updateFlowContent(instance, flow),
                    sut -> { sut.service().updateContactFlowContent(instance, flow, "{\"Version\":\"2019-10-30\"}"); return "updated"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> updateQuickConnectConfig(TaskModel m) {
        return Gens.combine(pick(m.quickConnects(), m), Gens.elements("USER", "QUEUE", "PHONE_NUMBER", "FLOW"), pick(m.flows(), m),
                (quickConnect, type, flow) -> {
                    String instance = instanceOf(m, quickConnect);
                    Optional<String> flowId = type.equals("PHONE_NUMBER") ? Optional.empty() : Optional.of(flow);
                    return step("UpdateQuickConnectConfig(" + quickConnect + ", " + type + ", " + flowId + ")",
                            model -> model.updateQuickConnectConfig(instance, quickConnect, type, flowId),
                            sut -> { sut.service().updateQuickConnectConfig(instance, quickConnect, type,
                                    type.equals("FLOW") ? null : "+15550100", flowId.orElse(null)); return "updated"; });
                });
    }

    /** A list walked page by page, pages of 1 to 3 items or the default, so that a walk crosses several tokens. */
    private Gen<Command<TaskModel, Sut>> list(TaskModel m) {
        return Gens.combine(instance(m), Gens.elements("flow", "quick connect", "template"), Gens.elements(1, 2, 3, 0),
                (instance, kind, size) -> step("List " + kind + "s(" + instance + ", MaxResults " + (size == 0 ? "default" : size) + ")",
                        model -> model.list(kind, instance), sut -> walk(sut.service(), kind, instance, size == 0 ? null : size)));
    }

    private static List<String> walk(ConnectTasksService service, String kind, String instance, Integer size) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            dev.connecttasks.domain.request.ListRequest request = dev.connecttasks.domain.request.ListRequest.builder().instanceId(instance)
                    .maxResults(size).nextToken(token).build();
            java.util.Optional<String> next;
            switch (kind) {
                case "flow" -> {
                    var page = service.listContactFlows(request);
                    page.items().forEach(flow -> ids.add(flow.contactFlowId()));
                    next = page.nextToken();
                }
                case "quick connect" -> {
                    var page = service.listQuickConnects(request);
                    page.items().forEach(quickConnect -> ids.add(quickConnect.quickConnectId()));
                    next = page.nextToken();
                }
                default -> {
                    var page = service.listTaskTemplates(request);
                    page.items().forEach(template -> ids.add(template.taskTemplateId()));
                    next = page.nextToken();
                }
            }
            token = next.orElse(null);
        } while (token != null);
        return ids;
    }

    /** SearchContacts over a range ending now, walked page by page. */
    private Gen<Command<TaskModel, Sut>> search(TaskModel m) {
        return Gens.combine(instance(m), Gens.elements(Duration.ZERO, Duration.ofMinutes(5), Duration.ofDays(1), Duration.ofDays(30)),
                Gens.booleans(), Gens.elements(1, 2, 100), (instance, back, tasksOnly, size) -> {
                    Instant to = m.now();
                    Instant from = to.minus(back);
                    return step("SearchContacts(" + instance + ", last " + back + (tasksOnly ? ", TASK only" : "") + ", MaxResults " + size + ")",
                            model -> model.search(instance, from, to, tasksOnly), sut -> {
                                List<String> ids = new ArrayList<>();
                                String token = null;
                                do {
                                    var found = sut.service().searchContacts(dev.connecttasks.domain.request.SearchContactsRequest.builder()
                                            .instanceId(instance).timeRange("INITIATION_TIMESTAMP", from, to)
                                            .channels(tasksOnly ? List.of("TASK") : List.of()).maxResults(size).nextToken(token).build());
                                    found.page().items().forEach(f -> ids.add(f.contact().contactId()));
                                    token = found.page().nextToken().orElse(null);
                                } while (token != null);
                                return ids;
                            });
                });
    }

    /** Keys from a small set, so that merges reach a contact's limit of 6; now and then a key no contact may have. */
    private static Gen<Map<String, String>> contactTags() {
        Gen<String> key = Gens.frequency(List.of(Gens.weighted(12, Gens.elements("team", "env", "a.b", "c:d", "e/f", "g-h", "i=j", "k1")),
                Gens.weighted(1, Gens.elements("aws:x", "bad key", "caf\u00e9"))));
        return Gens.frequency(List.of(Gens.weighted(12, Gens.maps(key, Gens.elements("", "x", "y"), 1, 4)),
                Gens.weighted(1, Gens.constant(Map.of()))));
    }

    private Gen<Command<TaskModel, Sut>> tagContact(TaskModel m) {
        return Gens.combine(contact(m), contactTags(), (contact, tags) -> {
            String instance = instanceOf(m, contact);
            return step("TagContact(" + contact + ", " + new TreeMap<>(tags) + ")", model -> model.tagContact(instance, contact, tags),
                    sut -> { sut.service().tagContact(instance, contact, tags); return "tagged"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> untagContact(TaskModel m) {
        return Gens.combine(contact(m), contactTags(), (contact, tags) -> {
            String instance = instanceOf(m, contact);
            List<String> keys = List.copyOf(new java.util.TreeSet<>(tags.keySet()));
            return step("UntagContact(" + contact + ", " + keys + ")", model -> model.untagContact(instance, contact, keys),
                    sut -> { sut.service().untagContact(instance, contact, keys); return "untagged"; });
        });
    }

    private Gen<Command<TaskModel, Sut>> tagFlow(TaskModel m) {
        return Gens.combine(pick(m.flows(), m), Gens.maps(Gens.elements("team", "env", "owner"), Gens.elements("", "x"), 1, 2),
                (flow, tags) -> {
                    String instance = instanceOf(m, flow);
                    return step("TagResource(flow " + flow + ", " + new TreeMap<>(tags) + ")", model -> model.tagFlow(instance, flow, tags),
                            sut -> { sut.service().tagResource(flowArn(instance, flow), tags); return "tagged"; });
                });
    }

    private Gen<Command<TaskModel, Sut>> flowTags(TaskModel m) {
        return pick(m.flows(), m).map(flow -> {
            String instance = instanceOf(m, flow);
            return step("ListTagsForResource(flow " + flow + ")", model -> model.flowTags(instance, flow),
                    sut -> new TreeMap<>(sut.service().listTagsForResource(flowArn(instance, flow))));
        });
    }

    private static String flowArn(String instance, String flow) {
        return dev.connecttasks.domain.rules.ResourceArns.INSTANCE_ARN_PREFIX + instance + "/"
                + dev.connecttasks.domain.rules.ResourceArns.FLOW_KIND + "/" + flow;
    }

    /** Mostly an open task, and now and then the template it names already, so that changes succeed, repeat and reach their limit. */
    private Gen<Command<TaskModel, Sut>> changeTemplate(TaskModel m) {
        List<String> open = new TreeMap<>(m.contacts()).values().stream().filter(c -> c.channel().equals("TASK") && c.openAt(m.now()))
                .map(TaskModel.ModelContact::id).toList();
        Gen<String> contacts = open.isEmpty() ? contact(m) : Gens.frequency(List.of(Gens.weighted(1, contact(m)),
                Gens.weighted(3, Gens.elements(open))));
        return contacts.flatMap(contact -> {
            Optional<String> own = Optional.ofNullable(m.texts().get(contact)).flatMap(TaskModel.TaskText::templateId);
            return own.isEmpty() ? pick(m.templates(), m).map(template -> Map.entry(contact, template))
                    : Gens.frequency(List.of(Gens.weighted(4, pick(m.templates(), m)), Gens.weighted(1, Gens.constant(own.get()))))
                            .map(template -> Map.entry(contact, template));
        }).map(choice -> {
            String contact = choice.getKey();
            String template = choice.getValue();
            String instance = instanceOf(m, contact);
            return step("UpdateContactTaskTemplate(" + contact + ", " + template + ")", model -> model.changeTemplate(instance, contact, template),
                    sut -> { sut.service().updateContactTaskTemplate(dev.connecttasks.domain.request.UpdateContactTaskTemplateRequest.of(
                            instance, contact, template)); return "changed"; });
        });
    }

    /** Some of the model's reference types, ATTACHMENT (which no task here holds) among them, or none. */
    private Gen<Command<TaskModel, Sut>> listReferences(TaskModel m) {
        Gen<List<String>> types = Gens.elements(List.of("STRING"), List.of("URL", "EMAIL"), List.of("NUMBER", "DATE", "STRING", "URL", "EMAIL"),
                List.of("ATTACHMENT"), List.of());
        // tasks started through a template half the time: their references hold the template's defaults
        List<String> fromTemplates = new TreeMap<>(m.contacts()).values().stream()
                .filter(c -> c.flowSource().equals(Optional.of("TASK_TEMPLATE"))).map(TaskModel.ModelContact::id).toList();
        Gen<String> picked = fromTemplates.isEmpty() ? contact(m)
                : Gens.frequency(List.of(Gens.weighted(1, contact(m)), Gens.weighted(1, Gens.elements(fromTemplates))));
        return Gens.combine(picked, types, (contact, wanted) -> {
            String instance = instanceOf(m, contact);
            return step("ListContactReferences(" + contact + ", " + wanted + ")", model -> model.listReferences(instance, contact, wanted),
                    sut -> sut.service().listContactReferences(dev.connecttasks.domain.request.ListContactReferencesRequest.builder()
                            .instanceId(instance).contactId(contact).referenceTypes(wanted).build()).references().stream()
                            .map(r -> List.of(r.name(), r.type(), r.value())).toList());
        });
    }

    /** Mostly a live instance; now and then one deleted already, which must stay not found. */
    private Gen<Command<TaskModel, Sut>> deleteInstance(TaskModel m) {
        List<String> deleted = java.util.stream.Stream.of(m.contacts().values().stream().map(TaskModel.ModelContact::instanceId),
                        m.flows().values().stream().map(TaskModel.Flow::instanceId),
                        m.quickConnects().values().stream().map(TaskModel.QuickConnectModel::instanceId),
                        m.templates().values().stream().map(TaskModel.Template::instanceId))
                .flatMap(ids -> ids).filter(i -> !m.instances().contains(i)).distinct().sorted().toList();
        Gen<String> instance = deleted.isEmpty() ? instance(m)
                : Gens.frequency(List.of(Gens.weighted(3, instance(m)), Gens.weighted(1, Gens.elements(deleted))));
        return instance.map(id -> step("DeleteInstance(" + id + ")", model -> model.deleteInstance(id),
                sut -> { sut.service().deleteInstance(id, null); return "deleted"; }));
    }

    private Gen<Command<TaskModel, Sut>> outboundVoice(TaskModel m) {
        return Gens.combine(pick(m.flows(), m), Gens.optionals(contact(m)), attributes(), (flow, related, attributes) -> {
            String instance = instanceOf(m, flow);
            return step("StartOutboundVoiceContact(" + flow + ", related " + related + ", " + brief(attributes) + ")",
                    model -> model.outboundVoice(instance, flow, related, attributes),
                    sut -> sut.service().startOutboundVoiceContact(dev.connecttasks.domain.request.StartOutboundVoiceContactRequest.builder()
                            .instanceId(instance).contactFlowId(flow).destinationPhoneNumber("+15550100").relatedContactId(related.orElse(null))
                            .attributes(attributes).build()).contactId());
        });
    }

    private Gen<Command<TaskModel, Sut>> advance() {
        return Gens.elements(Duration.ofSeconds(1), Duration.ofMinutes(2), Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(8))
                .map(TaskServiceMachine::advanceBy);
    }

    private static Command<TaskModel, Sut> advanceBy(Duration by) {
        return new Command<TaskModel, Sut>() {
                    @Override
                    public TaskModel run(TaskModel model, Sut sut) {
                        sut.clock().advance(by);
                        return model.advance(by);
                    }

                    @Override
                    public String toString() {
                        return "AdvanceClock(" + by + ")";
                    }
                };
    }

    // ---- request generation ----

    /** Three in four requests are built from valid choices only, so chains and quotas fill up; the rest mix in every kind of mistake. */
    private Gen<StartTaskContactRequest> request(TaskModel m) {
        return Gens.frequency(List.of(Gens.weighted(3, request(m, true)), Gens.weighted(1, request(m, false))));
    }

    private Gen<StartTaskContactRequest> request(TaskModel m, boolean valid) {
        int bad = valid ? 0 : 1;
        Gen<Optional<String>> instance = Gens.frequency(List.of(Gens.weighted(20, instance(m).map(Optional::of)),
                Gens.weighted(bad, Gens.constant(Optional.of(UNKNOWN))), Gens.weighted(bad, Gens.constant(Optional.empty())),
                Gens.weighted(bad, Gens.constant(Optional.of("i".repeat(101)))),
                // an id with U+0000 names nothing; one with a lone surrogate is no Unicode
                Gens.weighted(bad, Gens.elements(Optional.of("i\u0000"), Optional.of("i\uD800")))));
        Gen<Optional<String>> name = Gens.frequency(List.of(Gens.weighted(20, Gens.constant(Optional.of("task"))),
                Gens.weighted(1, Gens.constant(Optional.of(""))), Gens.weighted(bad, Gens.constant(Optional.empty())),
                Gens.weighted(bad, Gens.constant(Optional.of("n".repeat(1025)))),
                // lengths count Unicode characters: 1,024 emoji fit, 1,025 do not
                Gens.weighted(1, Gens.elements(Optional.of(EMOJI.repeat(1024)), Optional.of("\r\n'\"%_\\"), Optional.of("日本\u2028"))),
                Gens.weighted(bad, Gens.elements(Optional.of(EMOJI.repeat(1025)), Optional.of("a\u0000b"), Optional.of("x\uDC00"),
                        Optional.of("\uD800")))));
        Gen<String[]> link = Gens.frequency(List.of(Gens.weighted(6, Gens.constant(new String[2])),
                Gens.weighted(6, hotContact(m).map(p -> new String[] {p, null})),
                Gens.weighted(3, contact(m).map(r -> new String[] {null, r})),
                Gens.weighted(bad, Gens.combine(contact(m), contact(m), (p, r) -> new String[] {p, r}))));
        Gen<String[]> source = Gens.frequency(List.of(
                Gens.weighted(16, usableFlow(m).map(f -> new String[] {f, null, null})),
                Gens.weighted(4, pick(m.flows(), m).map(f -> new String[] {f, null, null})),
                Gens.weighted(4, pick(m.quickConnects(), m).map(q -> new String[] {null, q, null})),
                Gens.weighted(4, pick(m.templates(), m).map(t -> new String[] {null, null, t})),
                Gens.weighted(bad, Gens.constant(new String[3])),
                Gens.weighted(bad, Gens.combine(pick(m.flows(), m), pick(m.templates(), m), (f, t) -> new String[] {f, null, t}))));
        Gen<Map<String, dev.connecttasks.domain.contact.Reference>> references = Gens.frequency(List.of(
                Gens.weighted(8, Gens.constant(Map.of())),
                Gens.weighted(1, Gens.constant(Map.of("Priority", Reference.of("STRING", "high")))),
                Gens.weighted(1, Gens.constant(Map.of("Priority", Reference.of("STRING", "medium")))),
                Gens.weighted(1, Gens.constant(Map.of("Count", Reference.of("NUMBER", "12.5")))),
                Gens.weighted(1, Gens.constant(Map.of("Count", Reference.of("STRING", "12")))),
                Gens.weighted(bad, Gens.constant(Map.of("Doc", Reference.of("ATTACHMENT", "x")))),
                Gens.weighted(bad, Gens.constant(Map.of("Site", Reference.of("URL", "ftp://example.com")))),
                Gens.weighted(1, Gens.constant(Map.of("Mail", Reference.of("EMAIL", "a@b.example")))),
                Gens.weighted(1, Gens.constant(Map.of("Note", Reference.of("STRING", "日本" + EMOJI + "\r\n")))),
                // values for the template fields of every type, at their edges
                Gens.weighted(1, Gens.elements(Map.of("Notes", Reference.of("STRING", EMOJI.repeat(511))),
                        Map.of("Notes", Reference.of("STRING", EMOJI.repeat(512))), Map.of("Details", Reference.of("STRING", EMOJI.repeat(4095))),
                        Map.of("Details", Reference.of("STRING", "x".repeat(4096))), Map.of("Urgent", Reference.of("STRING", "false")),
                        Map.of("Urgent", Reference.of("STRING", "no")), Map.of("Due", Reference.of("DATE", "1767603600")),
                        Map.of("Due", Reference.of("STRING", "1767603600")), Map.of("Site", Reference.of("URL", "https://example.com/" + EMOJI)),
                        Map.of("Mail", Reference.of("EMAIL", "x" + EMOJI + "@example.com")), Map.of("Mail", Reference.of("STRING", "a@b.example")))),
                Gens.weighted(bad, Gens.elements(Map.of("Note", Reference.of("STRING", "x\u0000")), Map.of("k\uD800", Reference.of("STRING", "x")))),
                Gens.weighted(bad, Gens.constant(Map.of("When", new Reference(Optional.empty(), Optional.of("1")))))));
        Gen<Optional<Duration>> scheduled = Gens.frequency(List.of(Gens.weighted(6, Gens.constant(Optional.empty())),
                Gens.weighted(3, (valid ? Gens.elements(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(6)) : scheduleOffset()).map(Optional::of))));
        Gen<Optional<String>> token = Gens.frequency(List.of(Gens.weighted(4, Gens.constant(Optional.empty())),
                Gens.weighted(3, Gens.elements("tok-1", "tok-2", "tok-" + EMOJI).map(Optional::of)), Gens.weighted(bad, Gens.constant(Optional.of(""))),
                Gens.weighted(bad, Gens.elements(Optional.of("tok\u0000"), Optional.of("tok\uD800"), Optional.of(EMOJI.repeat(501))))));
        Gen<Map<String, SegmentAttributeValue>> segments = Gens.frequency(List.of(Gens.weighted(8, Gens.constant(Map.of())),
                Gens.weighted(2, Gens.elements(1, 5, 129_600).map(SegmentAttributeValue::contactExpiryMinutes)),
                Gens.weighted(bad, Gens.elements(0, 129_601).map(SegmentAttributeValue::contactExpiryMinutes)),
                Gens.weighted(bad, Gens.constant(Map.of("connect:Other", SegmentAttributeValue.ofString("x"))))));
        return source2 -> {
            StartTaskContactRequest.Builder b = StartTaskContactRequest.builder();
            b.instanceId(instance.generate(source2).orElse(null));
            b.name(name.generate(source2).orElse(null));
            if (Gens.booleans().generate(source2)) {
                b.description((valid ? Gens.elements("d", "", EMOJI, "\r\n") : Gens.elements("d", "", "d\u0000", "\uD800d"))
                        .generate(source2));
            }
            String[] l = link.generate(source2);
            b.previousContactId(l[0]).relatedContactId(l[1]);
            String[] s = source.generate(source2);
            b.contactFlowId(s[0]).quickConnectId(s[1]).taskTemplateId(s[2]);
            b.attributes((valid ? validAttributes() : attributes()).generate(source2));
            b.references(references.generate(source2));
            b.scheduledTime(scheduled.generate(source2).map(m.now()::plus).orElse(null));
            b.clientToken(token.generate(source2).orElse(null));
            b.segmentAttributes(segments.generate(source2));
            return b.build();
        };
    }

    /** Small maps, a bad key now and then, and values big enough that a merge can pass 32,768 bytes. */
    private static Gen<Map<String, String>> attributes() {
        return Gens.frequency(List.of(
                Gens.weighted(6, Gens.maps(Gens.elements("a", "b", "c", "k-1", "K_2"), Gens.elements("", "x", "yes", "ü€", EMOJI, "\r\n"), 0, 3)),
                Gens.weighted(1, Gens.constant(Map.of("bad key", "v"))),
                Gens.weighted(1, Gens.elements(Map.of("a", "v\u0000"), Map.of("b", "\uDBFF"), Map.of("c", EMOJI.repeat(16_383)))),
                Gens.weighted(1, Gens.elements(12_000, 16_383, 32_766).map(n -> Map.of("big" + n % 3, "v".repeat(n)))),
                Gens.weighted(1, Gens.constant(Map.of("big", "v".repeat(32_766), "b", "x"))))); // 32,770 bytes: too large on its own
    }

    private static Gen<Map<String, String>> validAttributes() {
        return Gens.maps(Gens.elements("a", "b", "c", "k-1", "K_2"), Gens.elements("", "x", "yes", "ü€", EMOJI, "'\"\\"), 0, 3);
    }

    private static Gen<Duration> scheduleOffset() {
        return Gens.elements(Duration.ofSeconds(-1), Duration.ZERO, Duration.ofHours(1), Duration.ofDays(6), Duration.ofDays(6).plusSeconds(1));
    }

    private static Gen<String> instance(TaskModel m) {
        List<String> ids = new ArrayList<>(new TreeMap<>(m.instances().stream().collect(java.util.stream.Collectors.toMap(i -> i, i -> i))).keySet());
        return Gens.elements(ids);
    }

    /** An existing id of the given kind, or now and then one that does not exist. */
    private static <V> Gen<String> pick(Map<String, V> byId, TaskModel m) {
        List<String> ids = new ArrayList<>(new TreeMap<>(byId).keySet());
        if (ids.isEmpty()) {
            return Gens.constant(UNKNOWN);
        }
        return Gens.frequency(List.of(Gens.weighted(12, Gens.elements(ids)), Gens.weighted(1, Gens.constant(UNKNOWN))));
    }

    private static Gen<String> contact(TaskModel m) {
        return pick(m.contacts(), m);
    }

    /** Most starts should succeed, or the quotas are never reached: prefer flows a task can run. */
    private static Gen<String> usableFlow(TaskModel m) {
        List<String> usable = new TreeMap<>(m.flows()).entrySet().stream()
                .filter(e -> e.getValue().type().equals("CONTACT_FLOW") && e.getValue().state().equals("ACTIVE") && e.getValue().status().equals("PUBLISHED"))
                .map(Map.Entry::getKey).toList();
        return usable.isEmpty() ? pick(m.flows(), m) : Gens.elements(usable);
    }

    /** The first contacts get most links, so chains grow past the linked-task limit. */
    private static Gen<String> hotContact(TaskModel m) {
        List<String> ids = m.contacts().keySet().stream().sorted(java.util.Comparator.comparingInt(String::length).thenComparing(s -> s)).toList();
        if (ids.isEmpty()) {
            return Gens.constant(UNKNOWN);
        }
        return Gens.frequency(List.of(Gens.weighted(6, Gens.constant(ids.get(0))), Gens.weighted(6, Gens.elements(ids)),
                Gens.weighted(1, Gens.constant(UNKNOWN))));
    }

    private static String instanceOf(TaskModel m, String id) {
        if (m.contacts().containsKey(id)) {
            return m.contacts().get(id).instanceId();
        }
        if (m.flows().containsKey(id)) {
            return m.flows().get(id).instanceId();
        }
        if (m.templates().containsKey(id)) {
            return m.templates().get(id).instanceId();
        }
        if (m.quickConnects().containsKey(id)) {
            return m.quickConnects().get(id).instanceId();
        }
        return m.instances().stream().sorted().findFirst().orElse(UNKNOWN);
    }

    private static String brief(Map<String, String> attributes) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(attributes).forEach((k, v) -> out.append(out.length() > 1 ? ", " : "").append(k).append('=')
                .append(v.length() > 12 ? v.substring(0, 3) + "...(" + v.length() + " chars)" : v));
        return out.append('}').toString();
    }

    private static String brief(StartTaskContactRequest r) {
        StringBuilder out = new StringBuilder();
        r.instanceId().ifPresent(v -> out.append("InstanceId=").append(v.length() > 20 ? "(" + v.length() + " chars)" : v));
        r.name().ifPresent(v -> out.append(", Name=").append(v.length() > 20 ? "(" + v.length() + " chars)" : v));
        r.description().ifPresent(v -> out.append(", Description=").append(v));
        r.previousContactId().ifPresent(v -> out.append(", PreviousContactId=").append(v));
        r.relatedContactId().ifPresent(v -> out.append(", RelatedContactId=").append(v));
        r.contactFlowId().ifPresent(v -> out.append(", ContactFlowId=").append(v));
        r.quickConnectId().ifPresent(v -> out.append(", QuickConnectId=").append(v));
        r.taskTemplateId().ifPresent(v -> out.append(", TaskTemplateId=").append(v));
        if (!r.attributes().isEmpty()) {
            out.append(", Attributes=").append(brief(r.attributes()));
        }
        if (!r.references().isEmpty()) {
            out.append(", References=").append(r.references());
        }
        r.scheduledTime().ifPresent(v -> out.append(", ScheduledTime=").append(v));
        r.clientToken().ifPresent(v -> out.append(", ClientToken=").append(v));
        if (!r.segmentAttributes().isEmpty()) {
            out.append(", SegmentAttributes=").append(r.segmentAttributes());
        }
        return out.toString();
    }
}
