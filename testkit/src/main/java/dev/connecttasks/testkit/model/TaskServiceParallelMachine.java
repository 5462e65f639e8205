package dev.connecttasks.testkit.model;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.application.port.out.IdSource;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactAttributesRequest;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.testkit.property.Gen;
import dev.connecttasks.testkit.property.Gens;
import dev.connecttasks.testkit.property.ParallelCommand;
import dev.connecttasks.testkit.property.ParallelStateMachine;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.Outcome;
import dev.connecttasks.testkit.support.SequentialIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The task service for the parallel, linearizability-checked property: one instance with one flow,
 * small limits, and calls that meet on shared state: starts of new chains and of links to the same
 * contacts, ClientToken retries from a pool of two tokens, attribute updates and reads of a chain,
 * stops; clock moves in the prefix. Every answer is judged by {@link TaskModel}, except which new id
 * a start gets: concurrent starts draw ids in an order of their own, so a start may answer any id
 * the model has not seen.
 *
 * <p>A store's services are one or several: each branch calls service {@code branch % count}, so two
 * services on one database (two pools) stand for two processes.
 */
public final class TaskServiceParallelMachine implements ParallelStateMachine<TaskModel, TaskServiceParallelMachine.Sut> {

    /** Builds the services under test on one fresh, empty store, all on the given clock, ids and policy. */
    @FunctionalInterface
    public interface ServicesFactory {
        List<ConnectTasksService> create(Clock clock, IdSource ids, TaskPolicy policy) throws Exception;
    }

    public record Sut(List<ConnectTasksService> services, MutableClock clock) {

        ConnectTasksService service() {
            return services.get(0);
        }
    }

    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");
    private static final String PREFIX = "id";
    private static final String INSTANCE = SequentialIds.nth(PREFIX, 1);
    private static final String FLOW = SequentialIds.nth(PREFIX, 2);

    private final ServicesFactory factory;
    private final TaskPolicy policy;

    public TaskServiceParallelMachine(ServicesFactory factory, TaskPolicy policy) {
        this.factory = factory;
        this.policy = policy.withThrottling(false);
    }

    /** Limits small enough that three short branches race for them: 2 links per contact, 3 open tasks. */
    public static TaskPolicy raceLimits() {
        return TaskPolicy.defaults().withLinkedTasksPerContact(2).withOpenTasksPerInstance(3);
    }

    @Override
    public TaskModel initialState() {
        return TaskModel.initial(policy, PREFIX, START).createInstance().model().createFlow(INSTANCE, "CONTACT_FLOW", "PUBLISHED").model();
    }

    @Override
    public Sut newSystem() throws Exception {
        MutableClock clock = new MutableClock(START);
        List<ConnectTasksService> services = factory.create(clock, new SequentialIds(PREFIX), policy);
        String instance = services.get(0).createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = services.get(0).createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .build()).contactFlowId();
        if (!instance.equals(INSTANCE) || !flow.equals(FLOW)) {
            throw new IllegalStateException("set-up drew " + instance + " and " + flow + "; the store is not empty or the ids not fresh");
        }
        return new Sut(services, clock);
    }

    @Override
    public Sut forBranch(Sut system, int branch) {
        return branch < 0 ? system : new Sut(List.of(system.services().get(branch % system.services().size())), system.clock());
    }

    @Override
    public Gen<ParallelCommand<TaskModel, Sut, ?>> commands(TaskModel m) {
        List<Gens.Weighted<ParallelCommand<TaskModel, Sut, ?>>> options = concurrentCommands(m);
        options.add(Gens.weighted(2, Gens.elements(Duration.ofMinutes(2), Duration.ofDays(8)).<ParallelCommand<TaskModel, Sut, ?>>map(AdvanceClock::new)));
        return Gens.frequency(options);
    }

    @Override
    public Gen<ParallelCommand<TaskModel, Sut, ?>> branchCommands(TaskModel m) {
        List<Gens.Weighted<ParallelCommand<TaskModel, Sut, ?>>> options = concurrentCommands(m);
        // only in the branches, where it races the calls of the instance it deletes
        options.add(Gens.weighted(1, Gens.<ParallelCommand<TaskModel, Sut, ?>>constant(new DeleteInstance())));
        return Gens.frequency(options);
    }

    private static List<Gens.Weighted<ParallelCommand<TaskModel, Sut, ?>>> concurrentCommands(TaskModel m) {
        List<String> contacts = new ArrayList<>(new TreeMap<>(m.contacts()).keySet());
        List<Gens.Weighted<ParallelCommand<TaskModel, Sut, ?>>> options = new ArrayList<>();
        options.add(Gens.weighted(4, start(Optional.empty())));
        if (!contacts.isEmpty()) {
            Gen<String> contact = Gens.elements(contacts.toArray(String[]::new));
            options.add(Gens.weighted(5, contact.flatMap(previous -> start(Optional.of(previous)))));
            options.add(Gens.weighted(2, Gens.<String, String, ParallelCommand<TaskModel, Sut, ?>>combine(contact, Gens.elements("a", "b"), UpdateAttributes::new)));
            options.add(Gens.weighted(1, contact.<ParallelCommand<TaskModel, Sut, ?>>map(GetAttributes::new)));
            options.add(Gens.weighted(1, contact.<ParallelCommand<TaskModel, Sut, ?>>map(Stop::new)));
            options.add(Gens.weighted(1, Gens.<String, Integer, ParallelCommand<TaskModel, Sut, ?>>combine(contact, Gens.elements(1, 60, 7 * 24 * 60),
                    UpdateExpiry::new)));
            options.add(Gens.weighted(1, contact.<ParallelCommand<TaskModel, Sut, ?>>map(Transfer::new)));
            // three keys a call from seven: concurrent tags race for a contact's limit of 6
            Gen<Map<String, String>> tags = Gens.maps(Gens.elements("t1", "t2", "t3", "t4", "t5", "t6", "t7"), Gens.elements("a", "b"), 3, 3);
            options.add(Gens.weighted(2, Gens.<String, Map<String, String>, ParallelCommand<TaskModel, Sut, ?>>combine(contact, tags, TagContact::new)));
            options.add(Gens.weighted(1, Gens.<String, String, ParallelCommand<TaskModel, Sut, ?>>combine(contact,
                    Gens.elements("t1", "t2", "t3", "t4", "t5", "t6", "t7"), UntagContact::new)));
            options.add(Gens.weighted(1, contact.<ParallelCommand<TaskModel, Sut, ?>>map(ContactTags::new)));
        }
        return options;
    }

    private static Gen<ParallelCommand<TaskModel, Sut, ?>> start(Optional<String> previous) {
        Gen<Optional<String>> token = Gens.elements(Optional.<String>empty(), Optional.of("tok-0"), Optional.of("tok-1"));
        Gen<Optional<String>> attribute = Gens.elements(Optional.<String>empty(), Optional.of("x"), Optional.of("y"));
        return Gens.<Optional<String>, Optional<String>, ParallelCommand<TaskModel, Sut, ?>>combine(token, attribute, (t, a) -> {
            StartTaskContactRequest.Builder request = StartTaskContactRequest.builder().instanceId(INSTANCE).contactFlowId(FLOW).name("t");
            previous.ifPresent(request::previousContactId);
            t.ifPresent(request::clientToken);
            a.ifPresent(value -> request.attributes(Map.of("k", value)));
            return new Start(request.build(), previous, t, a);
        });
    }

    private static Outcome outcome(Supplier<Object> call) {
        try {
            return Outcome.ok(call.get());
        } catch (ConnectException e) {
            return Outcome.of(e);
        }
    }

    /** The model's answer must be the service's, and the state after is the model's. */
    private static Optional<TaskModel> judged(TaskModel.Next expected, Outcome answer) {
        return expected.outcome().equals(answer) ? Optional.of(expected.model()) : Optional.empty();
    }

    record Start(StartTaskContactRequest request, Optional<String> previous, Optional<String> token, Optional<String> attribute)
            implements ParallelCommand<TaskModel, Sut, Outcome> {

        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> sut.service().startTaskContact(request).contactId());
        }

        /**
         * A refusal or a token's replay must be exactly the model's; a new contact may have any id the
         * model has not seen, and is then judged as the model's start under that id.
         */
        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            TaskModel.Next expected = state.startTask(request);
            boolean creates = expected.outcome().isOk() && expected.model().idsDrawn() > state.idsDrawn();
            if (!creates) {
                return judged(expected, answer);
            }
            if (!answer.isOk() || state.contacts().containsKey(answer.value())) {
                return Optional.empty();
            }
            Optional<Long> drawn = number(answer.value());
            if (drawn.isEmpty()) {
                return Optional.empty();
            }
            TaskModel.Next under = withIdsDrawn(state, drawn.get() - 1).startTask(request);
            return judged(under, answer).map(after -> withIdsDrawn(after, Math.max(state.idsDrawn(), drawn.get())));
        }

        @Override
        public String toString() {
            return "StartTaskContact(" + previous.map(p -> "previous " + p).orElse("new chain") + token.map(t -> ", token " + t).orElse("")
                    + attribute.map(a -> ", k=" + a).orElse("") + ")";
        }
    }

    record UpdateAttributes(String contact, String value) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().updateContactAttributes(UpdateContactAttributesRequest.builder().instanceId(INSTANCE).initialContactId(contact)
                        .attributes(Map.of("k", value)).build());
                return "updated";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.updateAttributes(INSTANCE, contact, Map.of("k", value)), answer);
        }

        @Override
        public String toString() {
            return "UpdateContactAttributes(" + contact + ", k=" + value + ")";
        }
    }

    record GetAttributes(String contact) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> new TreeMap<>(sut.service().getContactAttributes(GetContactAttributesRequest.builder().instanceId(INSTANCE)
                    .initialContactId(contact).build()).attributes()));
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.getAttributes(INSTANCE, contact), answer);
        }

        @Override
        public String toString() {
            return "GetContactAttributes(" + contact + ")";
        }
    }

    record Stop(String contact) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().stopContact(StopContactRequest.builder().instanceId(INSTANCE).contactId(contact).build());
                return "stopped";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.stop(INSTANCE, contact), answer);
        }

        @Override
        public String toString() {
            return "StopContact(" + contact + ")";
        }
    }

    /** TransferContact through the instance's flow: the task ends and its successor opens, under the same quota. */
    record Transfer(String contact) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> sut.service().transferContact(dev.connecttasks.domain.request.TransferContactRequest.of(INSTANCE, contact,
                    FLOW, null, null, null)).contactId());
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.transfer(INSTANCE, contact, FLOW, false), answer);
        }

        @Override
        public String toString() {
            return "TransferContact(" + contact + ")";
        }
    }

    /** UpdateContact moving a task's end, and so what the open-task quota counts. */
    record UpdateExpiry(String contact, int minutes) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().updateContact(dev.connecttasks.domain.request.UpdateContactRequest.builder().instanceId(INSTANCE).contactId(contact)
                        .segmentAttributes(dev.connecttasks.domain.contact.SegmentAttributeValue.contactExpiryMinutes(minutes)).build());
                return "updated";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.updateExpiry(INSTANCE, contact, minutes), answer);
        }

        @Override
        public String toString() {
            return "UpdateContact(" + contact + ", ContactExpiry " + minutes + " min)";
        }
    }

    record TagContact(String contact, Map<String, String> tags) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().tagContact(INSTANCE, contact, tags);
                return "tagged";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.tagContact(INSTANCE, contact, tags), answer);
        }

        @Override
        public String toString() {
            return "TagContact(" + contact + ", " + new TreeMap<>(tags) + ")";
        }
    }

    /** The tags DescribeContact shows: what makes a lost tag change visible. */
    record ContactTags(String contact) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> new TreeMap<>(sut.service().describeContact(dev.connecttasks.domain.request.DescribeContactRequest.builder()
                    .instanceId(INSTANCE).contactId(contact).build()).tags()));
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            if (!state.instances().contains(INSTANCE) || !state.contacts().containsKey(contact)) {
                return judged(state.getAttributes(INSTANCE, contact), answer);
            }
            return judged(new TaskModel.Next(Outcome.ok(new TreeMap<>(state.tagsOf(TaskModel.tagKey(INSTANCE, "contact", contact)))), state),
                    answer);
        }

        @Override
        public String toString() {
            return "DescribeContact(" + contact + ").Tags";
        }
    }

    /** UntagContact of one key. */
    record UntagContact(String contact, String key) implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().untagContact(INSTANCE, contact, java.util.List.of(key));
                return "untagged";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.untagContact(INSTANCE, contact, java.util.List.of(key)), answer);
        }

        @Override
        public String toString() {
            return "UntagContact(" + contact + ", " + key + ")";
        }
    }

    /** DeleteInstance of the one instance: whatever races it happened before it or is refused with INSTANCE. */
    record DeleteInstance() implements ParallelCommand<TaskModel, Sut, Outcome> {
        @Override
        public Outcome perform(Sut sut) {
            return outcome(() -> {
                sut.service().deleteInstance(INSTANCE, null);
                return "deleted";
            });
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, Outcome answer) {
            return judged(state.deleteInstance(INSTANCE), answer);
        }

        @Override
        public String toString() {
            return "DeleteInstance(" + INSTANCE + ")";
        }
    }

    /** Prefix only: the service reads the clock at some moment inside a call, which a concurrent move would make ambiguous. */
    record AdvanceClock(Duration by) implements ParallelCommand<TaskModel, Sut, String> {
        @Override
        public String perform(Sut sut) {
            sut.clock().advance(by);
            return "advanced";
        }

        @Override
        public Optional<TaskModel> next(TaskModel state, String answer) {
            return Optional.of(state.advance(by));
        }

        @Override
        public String toString() {
            return "AdvanceClock(" + by + ")";
        }
    }

    private static Optional<Long> number(String id) {
        String prefix = PREFIX + "-";
        if (!id.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static TaskModel withIdsDrawn(TaskModel m, long drawn) {
        return new TaskModel(m.policy(), m.idPrefix(), drawn, m.now(), m.instances(), m.flows(), m.quickConnects(), m.templates(), m.contacts(),
                m.scopes(), m.tokens(), m.tags(), m.references(), m.texts());
    }
}
