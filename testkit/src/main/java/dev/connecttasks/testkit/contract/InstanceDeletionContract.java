package dev.connecttasks.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.ConnectException;
import dev.connecttasks.domain.error.InvalidRequestException;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ResourceNotFoundException;
import dev.connecttasks.domain.instance.Instance;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.CreateQuickConnectRequest;
import dev.connecttasks.domain.request.CreateTaskTemplateRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.ListRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.rules.ResourceArns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DeleteInstance through the service on a store: the instance and everything in it is gone for
 * every later call, other instances are untouched, a retry with the deletion's ClientToken is
 * answered as the first call was, and starts racing the deletion either happened before it or are
 * refused. Every store runs it.
 */
public abstract class InstanceDeletionContract {

    /** A service on an empty store of the adapter under test. */
    protected abstract ConnectTasksService service(TaskPolicy policy, Clock clock);

    private ConnectTasksService service;

    @BeforeEach
    void open() {
        service = service(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(Integer.MAX_VALUE), Clock.systemUTC());
    }

    private String instance(String alias) {
        return service.createInstance(CreateInstanceRequest.builder().instanceAlias(alias).build()).instanceId();
    }

    private String flow(String instance) {
        return service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                .content("{}").build()).contactFlowId();
    }

    private String start(String instance, String flow, Map<String, String> attributes) {
        return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                .attributes(attributes).build()).contactId();
    }

    @Test
    void aDeletedInstanceAndEverythingInItIsGoneForEveryLaterCallAndAnotherInstanceKeepsAll() {
        String doomed = instance("doomed");
        String flow = flow(doomed);
        String quickConnect = service.createQuickConnect(CreateQuickConnectRequest.builder().instanceId(doomed).name("q")
                .quickConnectType("QUEUE").target("queue-1").contactFlowId(flow).build()).quickConnectId();
        String template = service.createTaskTemplate(CreateTaskTemplateRequest.builder().instanceId(doomed).name("t")
                .contactFlowId(flow).build()).taskTemplateId();
        String flowArn = ResourceArns.INSTANCE_ARN_PREFIX + doomed + "/" + ResourceArns.FLOW_KIND + "/" + flow;
        service.tagResource(flowArn, Map.of("team", "a"));
        String task = start(doomed, flow, Map.of("customer", "c-1"));
        service.startTaskContact(StartTaskContactRequest.builder().instanceId(doomed).contactFlowId(flow).name("linked")
                .previousContactId(task).build());

        String kept = instance("kept");
        String keptFlow = flow(kept);
        String keptTask = start(kept, keptFlow, Map.of("customer", "c-2"));

        service.deleteInstance(doomed, null);

        assertNotFound(Reason.INSTANCE, () -> service.describeInstance(doomed));
        assertThat(service.listInstances()).extracting(Instance::instanceId).containsExactly(kept);
        assertThat(service.listInstances(ListRequest.builder().build()).items()).extracting(Instance::instanceId).containsExactly(kept);
        assertNotFound(Reason.INSTANCE, () -> start(doomed, flow, Map.of()));
        assertNotFound(Reason.INSTANCE, () -> service.describeContact(DescribeContactRequest.builder().instanceId(doomed)
                .contactId(task).build()));
        assertNotFound(Reason.INSTANCE, () -> service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(doomed)
                .initialContactId(task).build()));
        assertNotFound(Reason.INSTANCE, () -> service.describeContactFlow(doomed, flow));
        assertNotFound(Reason.INSTANCE, () -> service.describeQuickConnect(doomed, quickConnect));
        assertNotFound(Reason.INSTANCE, () -> service.getTaskTemplate(doomed, template));
        assertNotFound(Reason.INSTANCE, () -> service.listContactFlows(ListRequest.builder().instanceId(doomed).build()));
        assertNotFound(Reason.INSTANCE, () -> service.createContactFlow(CreateContactFlowRequest.builder().instanceId(doomed)
                .name("f").type("CONTACT_FLOW").content("{}").build()));
        assertThat(catchThrowableOfType(ResourceNotFoundException.class, () -> service.listTagsForResource(flowArn)))
                .as("the tags of a deleted instance's flow").isNotNull();
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance(doomed, null));

        assertThat(service.describeInstance(kept).instanceAlias()).hasValue("kept");
        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(kept).contactId(keptTask).build()).contact()
                .contactId()).isEqualTo(keptTask);
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(kept).initialContactId(keptTask)
                .build()).attributes()).containsExactly(Map.entry("customer", "c-2"));
        assertThat(service.describeContactFlow(kept, keptFlow).contactFlowId()).isEqualTo(keptFlow);
    }

    @Test
    void aRetryWithTheDeletionsClientTokenIsAnsweredAsTheFirstCallWasAndAnyOtherIsRefused() {
        String instance = instance("retried");
        service.deleteInstance(instance, "delete-1");
        service.deleteInstance(instance, "delete-1");
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance(instance, "delete-2"));
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance(instance, null));
        assertNotFound(Reason.INSTANCE, () -> service.describeInstance(instance));

        String untokened = instance("untokened");
        service.deleteInstance(untokened, null);
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance(untokened, "late"));
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance("never-created", "delete-1"));
    }

    @Test
    void aRefusedDeletionChangesNothing() {
        String instance = instance("refusals");
        String flow = flow(instance);
        String task = start(instance, flow, Map.of("k", "v"));
        assertRefused(InvalidRequestException.class, Reason.MISSING_PARAMETER, () -> service.deleteInstance(null, null));
        assertRefused(InvalidRequestException.class, Reason.INVALID_LENGTH, () -> service.deleteInstance("i".repeat(101), null));
        assertRefused(InvalidRequestException.class, Reason.INVALID_LENGTH, () -> service.deleteInstance(instance, ""));
        assertRefused(InvalidRequestException.class, Reason.INVALID_LENGTH,
                () -> service.deleteInstance(instance, "\uD83D\uDE00".repeat(501)));
        assertNotFound(Reason.INSTANCE, () -> service.deleteInstance(instance + "x", null));
        assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(instance).initialContactId(task)
                .build()).attributes()).containsExactly(Map.entry("k", "v"));
        // a token of 500 characters outside the Basic Multilingual Plane is within the limit
        service.deleteInstance(instance, "\uD83D\uDE00".repeat(500));
        service.deleteInstance(instance, "\uD83D\uDE00".repeat(500));
        assertNotFound(Reason.INSTANCE, () -> service.describeInstance(instance));
    }

    @Test
    void startsRacingTheDeletionHappenedBeforeItOrAreRefusedAndNoneSucceedsAfterIt() throws Exception {
        String instance = instance("raced");
        String flow = flow(instance);
        int threads = 4;
        ExecutorService workers = Executors.newFixedThreadPool(threads + 1);
        try {
            AtomicBoolean deleted = new AtomicBoolean();
            AtomicInteger startedAfter = new AtomicInteger();
            List<String> started = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch running = new CountDownLatch(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(workers.submit(() -> {
                    running.countDown();
                    for (int refusedInARow = 0; refusedInARow < 20; ) {
                        boolean afterDeletion = deleted.get();
                        try {
                            started.add(start(instance, flow, Map.of("n", "1")));
                            if (afterDeletion) {
                                startedAfter.incrementAndGet();
                            }
                        } catch (ResourceNotFoundException refused) {
                            assertThat(refused.reason()).isEqualTo(Reason.INSTANCE);
                            refusedInARow++;
                        }
                    }
                    return null;
                }));
            }
            running.await();
            Thread.sleep(50);
            // two deletions with different tokens race too: exactly one of them deletes
            List<Future<Boolean>> deletions = new ArrayList<>();
            for (String token : new String[] {"a", "b"}) {
                deletions.add(workers.submit(() -> {
                    try {
                        service.deleteInstance(instance, token);
                        return true;
                    } catch (ResourceNotFoundException refused) {
                        return false;
                    }
                }));
            }
            int deletedBy = 0;
            for (Future<Boolean> deletion : deletions) {
                deletedBy += deletion.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            deleted.set(true);
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertThat(deletedBy).as("deletions that succeeded").isEqualTo(1);
            assertThat(startedAfter).as("starts that began after the deletion returned and succeeded").hasValue(0);
            assertThat(started).as("starts before the deletion").isNotEmpty();
            for (String contact : started) {
                assertNotFound(Reason.INSTANCE, () -> service.describeContact(DescribeContactRequest.builder().instanceId(instance)
                        .contactId(contact).build()));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static void assertNotFound(Reason reason, Runnable call) {
        assertRefused(ResourceNotFoundException.class, reason, call);
    }

    private static <E extends ConnectException> void assertRefused(Class<E> type, Reason reason, Runnable call) {
        E refused = catchThrowableOfType(type, call::run);
        assertThat(refused).as("%s %s", type.getSimpleName(), reason).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
    }
}
