package dev.connecttasks.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.error.Reason;
import dev.connecttasks.domain.error.ServiceQuotaExceededException;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import dev.connecttasks.domain.request.StopContactRequest;
import dev.connecttasks.testkit.support.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The open-task quota split over shards ({@link OpenTaskShards}): a start takes a slot in its thread's
 * shard alone (transactions take turns over the shards), and every way a shard's slots could mislead it (full while others have room, cut from
 * another quota, counted at a later time than the start's clock) sends it to count every shard. Each
 * case is one a shard-local decision would get wrong.
 */
class JdbcOpenTaskShardsTest {

    private static final Duration EXPIRY = Duration.ofMinutes(10);

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void startsOneAfterAnotherFillTheWholeQuotaWhateverShardEachTries(TestDatabase.Kind kind) throws SQLException {
        DataSource database = TestDatabase.shared(kind).emptied();
        Instance instance = Instance.create(database, MutableClock.at("2026-03-02T10:00:00Z"), 40);
        for (int i = 0; i < 40; i++) {
            instance.start();
        }
        assertThat(instance.refusedOpenCount()).isEqualTo(40);
        assertThat(shardCounts(database).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void startsRacingFromManyThreadsOverTwoPoolsTakeExactlyTheQuotaSpreadOverShards(TestDatabase.Kind kind) throws Exception {
        TestDatabase shared = TestDatabase.shared(kind);
        DataSource database = shared.emptied();
        int quota = 60;
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        Instance first = Instance.create(database, clock, quota);
        Instance second = first.on(shared.newPool("shards-second", 8));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> starts = new ArrayList<>();
        for (int i = 0; i < 3 * quota; i++) {
            Instance via = i % 2 == 0 ? first : second;
            starts.add(threads.submit(() -> {
                go.await();
                try {
                    via.start();
                    return true;
                } catch (ServiceQuotaExceededException refused) {
                    assertThat(refused.reason()).isEqualTo(Reason.ACTIVE_TASKS);
                    return false;
                }
            }));
        }
        go.countDown();
        int started = 0;
        for (Future<Boolean> start : starts) {
            started += start.get(120, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();
        assertThat(started).isEqualTo(quota);
        assertThat(first.refusedOpenCount()).isEqualTo(quota);
        assertThat(shardCounts(database).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(quota);
        assertThat(shardCounts(database)).as("shards holding tasks").hasSizeGreaterThan(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aClockBehindTheCountCountsTheTasksOpenAgainBeforeTakingASlot(TestDatabase.Kind kind) {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        int quota = 40;
        Instance instance = Instance.create(database, clock, quota);
        for (int i = 0; i < quota; i++) {
            instance.start();
        }
        clock.advance(EXPIRY.plusMinutes(1));
        // every shard is full: the first start counts every shard at the new time and cuts free slots again
        instance.start();
        instance.start();
        clock.advance(EXPIRY.plusMinutes(1).negated());

        assertThat(instance.refusedOpenCount()).as("the first %d are open again beside the last two", quota).isEqualTo(quota + 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void slotsCutFromAHigherQuotaDoNotAdmitAStartUnderALowerOne(TestDatabase.Kind kind) {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        Instance generous = Instance.create(database, clock, 100);
        for (int i = 0; i < 5; i++) {
            generous.start();
        }
        Instance strict = generous.withQuota(5);

        assertThat(strict.refusedOpenCount()).isEqualTo(5);
        generous.start();
        assertThat(strict.refusedOpenCount()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStopFreesItsSlotAndAnExpiryFreesOneAtItsTime(TestDatabase.Kind kind) {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        Instance instance = Instance.create(database, clock, 2);
        String first = instance.start();
        clock.advance(Duration.ofMinutes(1));
        instance.start();
        assertThat(instance.refusedOpenCount()).isEqualTo(2);

        instance.stop(first);
        clock.advance(Duration.ofMinutes(1));
        instance.start();
        assertThat(instance.refusedOpenCount()).isEqualTo(2);
        clock.advance(EXPIRY.minusSeconds(30));
        instance.start();
        assertThat(instance.refusedOpenCount()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aTaskHoldsItsSlotUntilTheNanosecondItExpiresAndNotAtIt(TestDatabase.Kind kind) {
        DataSource database = TestDatabase.shared(kind).emptied();
        MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
        Instance instance = Instance.create(database, clock, 2);
        java.time.Instant firstExpires = clock.instant().plus(EXPIRY);
        instance.start();
        clock.advance(Duration.ofMinutes(1));
        instance.start();
        clock.set(firstExpires.minusNanos(1));
        assertThat(instance.refusedOpenCount()).as("a nanosecond before its expiry the first task is open").isEqualTo(2);
        clock.set(firstExpires);
        instance.start();
        assertThat(instance.refusedOpenCount()).as("at its expiry it is not: its slot went to the start just made").isEqualTo(2);
        clock.set(firstExpires.minusNanos(1));
        assertThat(instance.refusedOpenCount()).as("the clock set back: the first task is open again beside the other two")
                .isEqualTo(3);
    }

    /** Open tasks per shard that holds any, as the rows say. */
    private static Map<Integer, Long> shardCounts(DataSource database) throws SQLException {
        Map<Integer, Long> counts = new TreeMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT open_shard, COUNT(*) FROM ct_contact WHERE open_until_ns IS NOT NULL "
                     + "GROUP BY open_shard")) {
            while (rows.next()) {
                counts.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return counts;
    }

    /** One instance with one flow, as seen by a service over {@code database} with its own quota. */
    private record Instance(DataSource database, MutableClock clock, int quota, ConnectTasksService service, String instanceId,
                            String flowId) {

        static Instance create(DataSource database, MutableClock clock, int quota) {
            ConnectTasksService service = service(database, clock, quota);
            String instanceId = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
            String flowId = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instanceId).name("f")
                    .type("CONTACT_FLOW").build()).contactFlowId();
            return new Instance(database, clock, quota, service, instanceId, flowId);
        }

        Instance on(DataSource other) {
            return new Instance(other, clock, quota, service(other, clock, quota), instanceId, flowId);
        }

        Instance withQuota(int other) {
            return new Instance(database, clock, other, service(database, clock, other), instanceId, flowId);
        }

        private static ConnectTasksService service(DataSource database, MutableClock clock, int quota) {
            TaskPolicy policy = TaskPolicy.defaults().withThrottling(false).withOpenTasksPerInstance(quota).withTaskExpiry(EXPIRY);
            return JdbcConnectTasks.create(database, o -> o.clock(clock).policy(policy).migrate(false));
        }

        String start() {
            return service.startTaskContact(StartTaskContactRequest.builder().instanceId(instanceId).name("t")
                    .contactFlowId(flowId).build()).contactId();
        }

        void stop(String contactId) {
            service.stopContact(StopContactRequest.builder().instanceId(instanceId).contactId(contactId).build());
        }

        /** The open-task count a refused start reports. */
        int refusedOpenCount() {
            ServiceQuotaExceededException refused = catchThrowableOfType(ServiceQuotaExceededException.class, this::start);
            assertThat(refused).as("a start over the quota of %d", quota).isNotNull();
            assertThat(refused.reason()).isEqualTo(Reason.ACTIVE_TASKS);
            return Integer.parseInt(refused.getMessage().replaceAll(".*already has (\\d+) open tasks.*", "$1"));
        }
    }
}
