package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.connecttasks.adapter.jdbc.JdbcConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.policy.TaskPolicy;
import dev.connecttasks.domain.request.CreateContactFlowRequest;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import dev.connecttasks.domain.request.DescribeContactRequest;
import dev.connecttasks.domain.request.GetContactAttributesRequest;
import dev.connecttasks.domain.request.StartTaskContactRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The served H2 file rewritten to its live data when writes pause, or under load past its bound: not one call failed or lost. */
class RunningH2CompactionTest {

    private static final int THREADS = 4;
    private static final int STARTS_PER_THREAD = 1_500;
    private static final double GROWTH = 2.0;
    private static final long FLOOR_BYTES = 256 * 1024;

    @Test
    void aFileGrownUnderLoadIsRewrittenOnceWritesPauseWhileReadsGoOnAndNothingIsLost(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("ct");
        List<RunningH2Compaction.Rewrite> rewrites = Collections.synchronizedList(new ArrayList<>());
        List<String[]> started = Collections.synchronizedList(new ArrayList<>());
        try (HikariDataSource pool = pool(url)) {
            ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.policy(TaskPolicy.defaults().withThrottling(false)
                    .withOpenTasksPerInstance(Integer.MAX_VALUE)));
            try (RunningH2Compaction compaction = RunningH2Compaction.start(pool, url, null, null,
                    new RunningH2Compaction.Triggers(GROWTH, FLOOR_BYTES, 1_000, 0, 0), 50, rewrites::add)) {
                ExecutorService workers = Executors.newFixedThreadPool(THREADS);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(workers.submit(() -> startTasks(service, started, STARTS_PER_THREAD)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                assertThat(rewrites).as("rewrites while every thread was writing").isEmpty();
                long grown = Files.size(RunningH2Compaction.h2File(url));

                // reads go on while the writes pause: the rewrite holds them for a moment, and none fails
                String[] first = started.get(0);
                Future<Integer> reads = workers.submit(() -> {
                    int count = 0;
                    while (rewrites.isEmpty()) {
                        assertThat(service.describeContact(DescribeContactRequest.builder().instanceId(first[0]).contactId(first[1]).build())
                                .contact().contactId()).isEqualTo(first[1]);
                        count++;
                    }
                    return count;
                });
                assertThat(reads.get(30, java.util.concurrent.TimeUnit.SECONDS)).isPositive();
                RunningH2Compaction.Rewrite rewrite = rewrites.get(0);
                // H2's own housekeeping may still have moved chunks after the last start
                assertThat(rewrite.bytesBefore()).isBetween(grown / 2, grown * 2);
                assertThat((double) rewrite.bytesBefore() / rewrite.bytesAfter()).as("%s", rewrite).isGreaterThan(GROWTH);
                assertThat(Files.size(RunningH2Compaction.h2File(url))).isEqualTo(rewrite.bytesAfter());
                assertThat(rewrite.underLoad()).isFalse();

                // the pool serves writes again, on connections to the reopened database
                Future<?> after = workers.submit(() -> startTasks(service, started, 50));
                after.get();
                workers.shutdown();
            }
            assertThat(rewrites).hasSize(1);
            assertThat(started).hasSize(THREADS * STARTS_PER_THREAD + 50);
            for (String[] contact : started) {
                assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(contact[0]).initialContactId(contact[1])
                        .build()).attributes()).as(contact[1]).containsEntry("n", contact[2]);
            }
        }
    }

    @Test
    void underLoadTheFileIsRewrittenWhileTheWritesGoOnAndStaysWithinItsBound(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("ct");
        List<RunningH2Compaction.Rewrite> rewrites = Collections.synchronizedList(new ArrayList<>());
        List<String[]> started = Collections.synchronizedList(new ArrayList<>());
        // no quiet trigger: only the load trigger can rewrite, and the writes never pause until the end
        RunningH2Compaction.Triggers triggers = new RunningH2Compaction.Triggers(0, 0, 0, GROWTH, FLOOR_BYTES);
        try (HikariDataSource pool = pool(url)) {
            ConnectTasksService service = JdbcConnectTasks.create(pool, o -> o.policy(TaskPolicy.defaults().withThrottling(false)
                    .withOpenTasksPerInstance(Integer.MAX_VALUE)));
            try (RunningH2Compaction compaction = RunningH2Compaction.start(pool, url, null, null, triggers, 20, rewrites::add)) {
                ExecutorService workers = Executors.newFixedThreadPool(THREADS);
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(workers.submit(() -> startTasks(service, started, STARTS_PER_THREAD)));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                workers.shutdown();
                assertThat(rewrites).as("rewrites while every thread was writing").isNotEmpty().allSatisfy(rewrite -> {
                    assertThat(rewrite.underLoad()).isTrue();
                    assertThat(rewrite.bytesBefore()).isGreaterThan(FLOOR_BYTES);
                    assertThat(rewrite.bytesAfter()).isLessThan(rewrite.bytesBefore());
                });
            }
            assertThat(started).hasSize(THREADS * STARTS_PER_THREAD);
            for (String[] contact : started) {
                assertThat(service.getContactAttributes(GetContactAttributesRequest.builder().instanceId(contact[0]).initialContactId(contact[1])
                        .build()).attributes()).as(contact[1]).containsEntry("n", contact[2]);
            }
        }
    }

    private static Void startTasks(ConnectTasksService service, List<String[]> started, int count) {
        String instance = service.createInstance(CreateInstanceRequest.builder().build()).instanceId();
        String flow = service.createContactFlow(CreateContactFlowRequest.builder().instanceId(instance).name("f")
                .type("CONTACT_FLOW").build()).contactFlowId();
        for (int i = 0; i < count; i++) {
            String value = instance + "-" + i;
            String contact = service.startTaskContact(StartTaskContactRequest.builder().instanceId(instance).contactFlowId(flow)
                    .name("t").attributes(Map.of("n", value)).build()).contactId();
            started.add(new String[] {instance, contact, value});
        }
        return null;
    }

    @Test
    void aPoolThatCannotBeSuspendedIsRefused(@TempDir Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("ct");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertThatThrownBy(() -> RunningH2Compaction.start(pool, url, null, null,
                    new RunningH2Compaction.Triggers(GROWTH, 0, 1_000, 0, 0), 20, rewrite -> { }))
                    .hasMessageContaining("must allow suspension");
        }
    }

    private static HikariDataSource pool(String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(THREADS);
        config.setAllowPoolSuspension(true);
        return new HikariDataSource(config);
    }
}
