package dev.connecttasks.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.domain.request.UpdateContactScheduleRequest;
import dev.connecttasks.testkit.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The in-memory quota split over shards ({@link OpenTaskQuota}): each case a shard-local decision
 * would get wrong, as {@code JdbcOpenTaskShardsTest} has them for the databases.
 */
class InMemoryQuotaShardsTest {

    private static final Duration EXPIRY = Duration.ofMinutes(10);
    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    private record Instance(ConnectTasksService service, String instance, String flow) {

        static Instance create(ConnectTasksService service) {
            String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
            String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f").type("CONTACT_FLOW")
                    .build()).contactFlowId();
            return new Instance(service, instance, flow);
        }

        String start() {
            return start(null);
        }

        String start(java.time.Instant scheduled) {
            return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow).name("t")
                    .scheduledTime(scheduled).build()).contactId();
        }

        int refusedOpenCount() {
            try {
                start();
            } catch (ServiceQuotaExceededException refused) {
                assertThat(refused.reason()).isEqualTo(Reason.ACTIVE_TASKS);
                return Integer.parseInt(refused.getMessage().replaceAll(".*already has (\\d+) open tasks.*", "$1"));
            }
            throw new AssertionError("a start over the quota was not refused");
        }
    }

    private ConnectTasksService service(int quota) {
        return ConnectTasks.inMemory(o -> o.clock(clock).policy(TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(quota)
                .withTaskExpiry(EXPIRY)));
    }

    @Test
    void startsRacingForTheQuotaTakeExactlyIt() throws Exception {
        Instance i = Instance.create(service(60));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            starts.add(threads.submit(() -> {
                go.await();
                try {
                    i.start();
                    return true;
                } catch (ServiceQuotaExceededException refused) {
                    return false;
                }
            }));
        }
        go.countDown();
        int started = 0;
        for (Future<Boolean> start : starts) {
            started += start.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(started).isEqualTo(60);
        assertThat(i.refusedOpenCount()).isEqualTo(60);
    }

    @Test
    void aClockBeforeTheLastCutCountsTheTasksOpenAgain() {
        Instance i = Instance.create(service(40));
        for (int n = 0; n < 40; n++) {
            i.start();
        }
        clock.advance(EXPIRY.plusMinutes(1));
        i.start();
        i.start();
        clock.advance(EXPIRY.plusMinutes(1).negated());
        assertThat(i.refusedOpenCount()).isEqualTo(42);
    }

    @Test
    void slotsCutFromAHigherQuotaDoNotAdmitAStartUnderALowerOne() {
        OpenTaskQuota quota = new OpenTaskQuota();
        int[] taken = {-1};
        assertThat(quota.countReserving(clock.instant(), 100, 3, taken)).isZero();
        quota.fill(taken[0], clock.instant().plus(EXPIRY));
        taken[0] = -1;
        assertThat(quota.countReserving(clock.instant(), 1, 3, taken)).as("shard 3 has slots cut from 100, not from 1").isEqualTo(1);
        assertThat(taken[0]).as("no slot taken").isEqualTo(-1);
        assertThat(quota.countReserving(clock.instant(), 100, 3, taken)).isEqualTo(99);
        assertThat(taken[0]).isEqualTo(3);
    }

    @Test
    void stopsFreeSlotsAndAReschedulePastTheSlotsTakesThemAway() {
        Instance i = Instance.create(service(2));
        String first = i.start();
        String scheduled = i.start(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(i.refusedOpenCount()).isEqualTo(2);
        i.service().stopContact(StopContactRequest.builder().instanceId(i.instance()).contactId(first).build());
        String third = i.start();
        assertThat(i.refusedOpenCount()).isEqualTo(2);
        i.service().updateContactSchedule(UpdateContactScheduleRequest.builder().instanceId(i.instance()).contactId(scheduled)
                .scheduledTime(clock.instant().plus(Duration.ofMinutes(6))).build());
        assertThat(i.refusedOpenCount()).as("a reschedule keeps the count").isEqualTo(2);
        i.service().stopContact(StopContactRequest.builder().instanceId(i.instance()).contactId(third).build());
        i.start();
        assertThat(i.refusedOpenCount()).isEqualTo(2);
    }
}
