package dev.connecttasks.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link StartTaskBenchmark} with one and two threads, then prints each case as a share of the
 * baseline measured with the same thread count in the same run. Extra JMH flags on the command
 * line (for example {@code -i 10}) override the defaults below.
 */
public final class InMemoryBenchmarks {

    private InMemoryBenchmarks() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        CommandLineOptions overrides = new CommandLineOptions(args);
        List<String[]> rows = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .parent(overrides)
                    .include(StartTaskBenchmark.class.getName() + "\\.")
                    .threads(threads)
                    .jvmArgs("-Xms4g", "-Xmx4g");
            // Defaults only where the command line said nothing.
            if (!overrides.getForkCount().hasValue()) {
                options.forks(1);
            }
            if (!overrides.getWarmupIterations().hasValue()) {
                options.warmupIterations(3).warmupTime(TimeValue.seconds(2));
            }
            if (!overrides.getMeasurementIterations().hasValue()) {
                options.measurementIterations(5).measurementTime(TimeValue.seconds(2));
            }
            if (threads == 1) {
                // Every instance is its own with one thread; the case says something only with two.
                options.exclude("OwnInstance");
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            double baseline = score(results, "baselineUuidAndMapPut");
            for (RunResult result : results) {
                String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
                double score = result.getPrimaryResult().getScore();
                double error = result.getPrimaryResult().getScoreError();
                rows.add(new String[] {String.valueOf(threads), name, String.format("%,.0f ± %,.0f", score, error),
                        String.format("%.2f", score / baseline)});
            }
        }
        System.out.println();
        System.out.println("StartTaskContact, in-memory, ops/s (share of the same-thread-count baseline)");
        System.out.printf("%-8s %-32s %-26s %s%n", "threads", "case", "ops/s", "x baseline");
        for (String[] row : rows) {
            System.out.printf("%-8s %-32s %-26s %s%n", (Object[]) row);
        }
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                .findFirst().orElseThrow().getPrimaryResult().getScore();
    }
}
