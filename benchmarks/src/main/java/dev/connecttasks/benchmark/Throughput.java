package dev.connecttasks.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/** Calls per second of a load harness: threads loop from the start, only calls after the warm-up count. */
public final class Throughput {

    /** One thread's work: one call, and whether it did what the case measures. */
    @FunctionalInterface
    public interface Call {
        boolean run() throws Exception;
    }

    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private Throughput() {
    }

    /**
     * A measured window: calls per second, and the process's CPU time per call (every thread, the
     * load's own included). On a shared machine whose speed drifts, CPU time per call moves far less
     * than calls per second, so it tells apart what a change did from what the machine did.
     */
    public record Rate(double perSecond, double cpuMicrosPerCall) {
    }

    /** Runs {@code threads} threads, each looping on the call {@code perThread} makes for it; fails if any call throws. */
    public static double perSecond(int threads, int warmupSeconds, int seconds, IntFunction<Call> perThread) throws InterruptedException {
        return measure(threads, warmupSeconds, seconds, perThread).perSecond();
    }

    /** As {@link #perSecond}, with the CPU time per call. */
    public static Rate measure(int threads, int warmupSeconds, int seconds, IntFunction<Call> perThread) throws InterruptedException {
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    Call call = perThread.apply(thread);
                    while (running.get()) {
                        if (call.run() && counting.get()) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    running.set(false);
                }
            });
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(warmupSeconds * 1000L);
        counting.set(true);
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        Thread.sleep(seconds * 1000L);
        long counted = done.sum();
        long cpu = PROCESS.getProcessCpuTime() - cpuStart;
        double elapsed = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a worker failed", failure.get());
        }
        return new Rate(counted / elapsed, counted == 0 ? Double.NaN : cpu / 1e3 / counted);
    }

    /** The median of rounds measured alternately with their baseline, so drift (JIT, GC, a growing table) hits both alike. */
    public static double median(List<Double> rounds) {
        List<Double> sorted = rounds.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * A case's columns as both harnesses print them: the median calls per second of its rounds and its
     * share of the baseline's median, then the median CPU time per call and the baseline's divided by it,
     * then every round's calls per second.
     */
    public static String figures(List<Rate> rounds, List<Rate> baseline) {
        double perSecond = median(rounds.stream().map(Rate::perSecond).toList());
        double cpu = median(rounds.stream().map(Rate::cpuMicrosPerCall).toList());
        return String.format("%,12.0f %11.2f %12.1f %9.2f   rounds: %s", perSecond,
                perSecond / median(baseline.stream().map(Rate::perSecond).toList()), cpu,
                median(baseline.stream().map(Rate::cpuMicrosPerCall).toList()) / cpu, rounds(rounds.stream().map(Rate::perSecond).toList()));
    }

    /** The header of {@link #figures}' columns. */
    public static final String FIGURES_HEADER = String.format("%12s %11s %12s %9s", "calls/s", "x baseline", "CPU us/call", "x CPU");

    /** Every round's figure, in the order measured. */
    public static String rounds(List<Double> rounds) {
        return rounds.stream().map(r -> String.format("%,.0f", r)).collect(Collectors.joining(" / "));
    }
}
