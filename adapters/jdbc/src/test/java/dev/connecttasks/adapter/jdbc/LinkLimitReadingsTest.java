package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.LinkedTaskCounting;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two readings of the 12-link limit on every store: per PreviousContactId (the default), and per
 * chain ({@link LinkedTaskCounting#PER_CHAIN}), where every linked task sharing an InitialContactId
 * counts, wherever in the chain it links, and a related copy starts a chain of its own.
 */
class LinkLimitReadingsTest {

    private static final TaskPolicy PER_CHAIN = TaskPolicy.defaults().withThrottling(false).withLinkedTaskCounting(LinkedTaskCounting.PER_CHAIN);

    private record Instance(ConnectTasksService service, String instance, String flow) {

        static Instance on(StoresAgreeOnAwkwardInputTest.Store store, TaskPolicy policy) {
            ConnectTasksService service = store.service(policy, java.time.Clock.systemUTC());
            String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                    .build()).contactFlowId();
            return new Instance(service, instance, flow);
        }

        String start(String previous) {
            return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                    .previousContactId(previous).build()).contactId();
        }

        String related(String related) {
            return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                    .relatedContactId(related).build()).contactId();
        }

        ServiceQuotaExceededException refused(String previous) {
            try {
                start(previous);
            } catch (ServiceQuotaExceededException e) {
                assertThat(e.reason()).isEqualTo(Reason.LINKED_TASKS);
                return e;
            }
            throw new AssertionError("a link to " + previous + " was not refused");
        }
    }

    @ParameterizedTest
    @EnumSource(StoresAgreeOnAwkwardInputTest.Store.class)
    void perPreviousContactAStraightChainGrowsPastTwelve(StoresAgreeOnAwkwardInputTest.Store store) {
        Instance i = Instance.on(store, TaskPolicy.defaults().withThrottling(false));
        String tip = i.start(null);
        for (int n = 0; n < 20; n++) {
            tip = i.start(tip);
        }
        String fan = i.start(null);
        for (int n = 0; n < 12; n++) {
            i.start(fan);
        }
        assertThat(i.refused(fan)).hasMessageContaining("PreviousContactId " + fan + " already has 12 linked tasks");
    }

    @ParameterizedTest
    @EnumSource(StoresAgreeOnAwkwardInputTest.Store.class)
    void perChainTheTwelfthLinkAnywhereInTheChainIsTheLast(StoresAgreeOnAwkwardInputTest.Store store) {
        Instance i = Instance.on(store, PER_CHAIN);
        String root = i.start(null);
        List<String> chain = new ArrayList<>(List.of(root));
        for (int n = 0; n < 12; n++) {
            chain.add(i.start(chain.get(n % 3 == 0 ? 0 : chain.size() - 1)));
        }
        for (String anywhere : List.of(root, chain.get(5), chain.get(12))) {
            assertThat(i.refused(anywhere)).hasMessageContaining("The chain of InitialContactId " + root + " (PreviousContactId "
                    + anywhere + ") already has 12 linked tasks");
        }
        String copy = i.related(chain.get(12));
        assertThat(i.start(copy)).as("a related copy starts a chain of its own").isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(StoresAgreeOnAwkwardInputTest.Store.class)
    void perChainRacingLinksToDifferentTasksOfOneChainTakeExactlyTwelve(StoresAgreeOnAwkwardInputTest.Store store) throws Exception {
        Instance i = Instance.on(store, PER_CHAIN);
        String root = i.start(null);
        String second = i.start(root);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> links = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            String previous = n % 2 == 0 ? root : second;
            links.add(threads.submit(() -> {
                go.await();
                try {
                    i.start(previous);
                    return true;
                } catch (ServiceQuotaExceededException refused) {
                    return false;
                }
            }));
        }
        go.countDown();
        int linked = 0;
        for (Future<Boolean> link : links) {
            linked += link.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(linked).as("links beside the chain's first").isEqualTo(11);
    }
}
