package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.DescribeContactResponse;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.RecordContactRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import dev.connecttasks.testkit.support.Outcome;
import dev.connecttasks.testkit.support.SequentialIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A small instance to test one rule in: a usable flow, a root task and a voice contact, on a hand-moved clock. */
final class World {

    final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    final SequentialIds ids = new SequentialIds("w");
    final ConnectTasksService service;
    final String instance;
    final String otherInstance;
    final String flow;
    final String root;
    final String voice;
    private final List<String> contacts = new ArrayList<>();
    private long created;

    World(TaskPolicy policy) {
        service = ConnectTasks.inMemory(o -> o.clock(clock).ids(ids).policy(policy));
        instance = track(service.createInstance(CreateInstanceRequest.builder().build()).instanceId());
        otherInstance = track(service.createInstance(CreateInstanceRequest.builder().build()).instanceId());
        flow = flow(instance, "CONTACT_FLOW", "PUBLISHED");
        root = contact(service.startTaskContact(task().attributes(Map.of("seed", "1")).build()).contactId());
        voice = contact(service.recordContact(RecordContactRequest.builder().instanceId(instance).channel("VOICE")
                .attributes(Map.of("caller", "x")).build()));
    }

    static World defaults() {
        return new World(TaskPolicy.defaults().withThrottling(false));
    }

    String flow(String instanceId, String type, String status) {
        return track(service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instanceId).name("f").type(type).status(status).build())
                .contactFlowId());
    }

    StartTaskContactRequest.Builder task() {
        return StartTaskContactRequest.builder().instanceId(instance).name("task").contactFlowId(flow);
    }

    String start(StartTaskContactRequest request) {
        return contact(service.startTaskContact(request).contactId());
    }

    String contact(String id) {
        contacts.add(id);
        track(id);
        return id;
    }

    /** Ids are sequential: everything this world created so far, so the next id is predictable. */
    String track(String id) {
        created++;
        assertThat(id).isEqualTo(SequentialIds.nth("w", created));
        return id;
    }

    List<DescribeContactResponse> snapshot() {
        List<DescribeContactResponse> out = new ArrayList<>();
        for (String id : contacts) {
            out.add(service.describeContact(DescribeContactRequest.builder().instanceId(instance).contactId(id).build()));
        }
        return out;
    }

    static Outcome outcome(Supplier<?> call) {
        return Outcome.of(call);
    }

    /**
     * The request is refused with (type, reason), and afterwards nothing observable changed: every
     * contact reads the same, no id was consumed, and its ClientToken is still free.
     */
    void assertRefusedWithoutEffect(StartTaskContactRequest request, Class<? extends ConnectException> type, Reason reason) {
        assertRefusedUnchanged(request, type, reason);
        StartTaskContactRequest.Builder probe = task().name("probe");
        request.clientToken().filter(t -> !t.isEmpty() && t.length() <= 500).ifPresent(probe::clientToken);
        start(probe.build());
    }

    /** As above, for a full instance where no probe can start: only the snapshot is compared. */
    void assertRefusedUnchanged(StartTaskContactRequest request, Class<? extends ConnectException> type, Reason reason) {
        List<DescribeContactResponse> before = snapshot();
        try {
            service.startTaskContact(request);
            throw new AssertionError("expected " + type + "(" + reason + ") for " + request);
        } catch (ConnectException e) {
            assertThat(Outcome.of(e)).isEqualTo(Outcome.error(type, reason));
            assertThat(e.getMessage()).isNotBlank();
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
