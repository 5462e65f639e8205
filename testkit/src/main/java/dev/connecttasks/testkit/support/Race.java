package dev.connecttasks.testkit.support;

import dev.connecttasks.domain.error.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Runs {@code calls} calls on {@code threads} threads, all released at once, and collects what
 * each returned or the service exception it raised. Any other exception, or a call still running
 * at the deadline, fails the race: a service may only answer with a value or one of its errors.
 */
public final class Race {

    private Race() {
    }

    /** The results, in completion order: each call's value, or the {@link ConnectException} it raised. */
    public static List<Object> run(int threads, int calls, IntFunction<Callable<Object>> call) {
        return run(threads, calls, 60, call);
    }

    public static List<Object> run(int threads, int calls, int deadlineSeconds, IntFunction<Callable<Object>> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Object> results = new ConcurrentLinkedQueue<>();
        List<Future<?>> futures = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds);
        try {
            for (int i = 0; i < calls; i++) {
                Callable<Object> c = call.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        results.add(c.call());
                    } catch (ConnectException e) {
                        results.add(e);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a call raised something other than a service exception", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("calls still running after " + deadlineSeconds + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        if (results.size() != calls) {
            throw new AssertionError("only " + results.size() + " of " + calls + " calls answered");
        }
        return new ArrayList<>(results);
    }

    public static List<Object> successes(List<Object> results) {
        return results.stream().filter(r -> !(r instanceof ConnectException)).toList();
    }

    public static List<ConnectException> refusals(List<Object> results) {
        return results.stream().filter(ConnectException.class::isInstance).map(ConnectException.class::cast).toList();
    }
}
