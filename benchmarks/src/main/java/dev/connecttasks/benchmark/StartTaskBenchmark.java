package dev.connecttasks.benchmark;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * StartTaskContact on the in-memory adapters next to its baseline: a random UUID and a
 * {@code ConcurrentHashMap.put} of a record holding what a small task holds. State is rebuilt
 * every iteration so the stores do not grow across the whole run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StartTaskBenchmark {

    /** The quota and throttle are lifted: the benchmark measures the rules and the store, not refusals. */
    static final TaskPolicy UNLIMITED = TaskPolicy.defaults()
            .withOpenTasksPerInstance(Integer.MAX_VALUE)
            .withThrottling(false);
    static final Map<String, String> ATTRIBUTES = Map.of("customer", "c-42");

    /** What a stored small task holds, for the baseline. */
    record BaselineTask(String contactId, String instanceId, String name, String flowId,
            Map<String, String> attributes, Instant initiatedAt, Instant expiresAt) {
    }

    @State(Scope.Benchmark)
    public static class Baseline {
        ConcurrentHashMap<String, BaselineTask> map;

        @Setup(Level.Iteration)
        public void reset() {
            map = new ConcurrentHashMap<>();
        }
    }

    @State(Scope.Benchmark)
    public static class SharedInstance {
        ConnectTasksService service;
        String instanceId;
        String flowId;
        final AtomicReference<String> chainTip = new AtomicReference<>();

        @Setup(Level.Iteration)
        public void reset() {
            service = ConnectTasks.inMemory(o -> o.policy(UNLIMITED));
            instanceId = service.createInstance(CreateInstanceRequest.builder().instanceAlias("bench").build()).instanceId();
            flowId = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instanceId)
                    .name("Tasks").type("CONTACT_FLOW").build()).contactFlowId();
            chainTip.set(start(service, instanceId, flowId, null));
        }
    }

    /** One instance per benchmark thread: nothing is shared but the service object. */
    @State(Scope.Thread)
    public static class OwnInstance {
        String instanceId;
        String flowId;

        @Setup(Level.Iteration)
        public void reset(SharedInstance shared) {
            instanceId = shared.service.createInstance(CreateInstanceRequest.builder().instanceAlias("own").build()).instanceId();
            flowId = shared.service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instanceId)
                    .name("Tasks").type("CONTACT_FLOW").build()).contactFlowId();
        }
    }

    static String start(ConnectTasksService service, String instanceId, String flowId, String previous) {
        return service.startTaskContact(StartTaskContactRequest.builder()
                .instanceId(instanceId).contactFlowId(flowId).name("Call back customer")
                .previousContactId(previous).attributes(ATTRIBUTES).build()).contactId();
    }

    @Benchmark
    public BaselineTask baselineUuidAndMapPut(Baseline state) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        BaselineTask task = new BaselineTask(id, "instance", "Call back customer", "flow", ATTRIBUTES,
                now, now.plus(Duration.ofDays(7)));
        state.map.put(id, task);
        return task;
    }

    /** Every call starts a new chain in one shared instance. */
    @Benchmark
    public String independentChainsOneInstance(SharedInstance state) {
        return start(state.service, state.instanceId, state.flowId, null);
    }

    /** Every call starts a new chain in the calling thread's own instance. */
    @Benchmark
    public String independentChainsOwnInstance(SharedInstance state, OwnInstance own) {
        return start(state.service, own.instanceId, own.flowId, null);
    }

    /** Every call links to the newest task of one chain, so all calls share one attribute scope. */
    @Benchmark
    public String oneChain(SharedInstance state) {
        String id = start(state.service, state.instanceId, state.flowId, state.chainTip.get());
        state.chainTip.set(id);
        return id;
    }
}
