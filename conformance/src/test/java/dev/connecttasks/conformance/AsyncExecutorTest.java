package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connecttasks.ConnectTasks;
import dev.connecttasks.application.port.in.ConnectTasksService;
import dev.connecttasks.domain.request.CreateInstanceRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The CompletableFuture forms run on the executor the service was built with, and never on the
 * common pool by default. The operations' own thread is seen through the clock they read.
 */
class AsyncExecutorTest {

    /** A clock that notes the thread of every read. */
    private static final class ThreadNotingClock extends Clock {
        final List<String> threads = new CopyOnWriteArrayList<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            threads.add(Thread.currentThread().getName());
            return Instant.parse("2026-06-01T00:00:00Z");
        }
    }

    @Test
    void byDefaultTheLibrarysOwnDaemonThreadsRunThemNotTheCommonPool() throws Exception {
        ThreadNotingClock clock = new ThreadNotingClock();
        ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(clock));
        service.createInstanceAsync(CreateInstanceRequest.builder().build()).get(10, TimeUnit.SECONDS);
        assertThat(clock.threads).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith("connect-tasks-async-"));
        assertThat(service.asyncExecutor()).isNotSameAs(java.util.concurrent.ForkJoinPool.commonPool());
        Throwable refused = service.describeInstanceAsync("no-such").handle((result, failure) -> failure).get(10, TimeUnit.SECONDS);
        assertThat(refused).hasCauseInstanceOf(dev.connecttasks.domain.error.ResourceNotFoundException.class);
    }

    @Test
    void anExecutorGivenRunsTheAsyncForms() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "callers-executor"));
        try {
            ThreadNotingClock clock = new ThreadNotingClock();
            ConnectTasksService service = ConnectTasks.inMemory(o -> o.clock(clock).asyncExecutor(executor));
            service.createInstanceAsync(CreateInstanceRequest.builder().build()).get(10, TimeUnit.SECONDS);
            service.listInstancesAsync().get(10, TimeUnit.SECONDS);
            assertThat(clock.threads).isNotEmpty().allMatch("callers-executor"::equals);
            assertThat(service.asyncExecutor()).isSameAs(executor);
        } finally {
            executor.shutdownNow();
        }
    }
}
