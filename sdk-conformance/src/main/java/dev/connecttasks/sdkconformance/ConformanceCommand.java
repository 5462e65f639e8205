package dev.connecttasks.sdkconformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the shared AWS SDK suite (the HTTP adapter's SDK tests, which also run over the local server
 * and in-process in the build) against any Amazon Connect endpoint and prints one line a case:
 * passed, differed (with what connect-tasks answers and what the endpoint answered) or skipped (a
 * set-up operation the endpoint lacks, a case that needs the service in-process, or one that would
 * change set-up the run was given).
 */
public final class ConformanceCommand {

    /** The suite's classes, in the order they run. */
    static final List<String> SUITE = List.of("SdkOperationsTest", "SdkDirectoryOperationsTest", "ContactLifeSdkTest", "ListsSdkTest",
            "TagsSdkTest", "DirectoryChangesSdkTest", "InstanceDeletionSdkTest");

    private ConformanceCommand() {
    }

    public static void main(String[] args) {
        System.exit(ConformanceRun.execute(System.out::println, System.err::println, args));
    }

    /** Runs the suite against the options' endpoint; the suite reads them as system properties, set for the run and restored after. */
    static ConformanceReport run(ConformanceOptions options, java.util.function.Consumer<String> out) {
        java.util.Map<String, String> previous = new java.util.HashMap<>();
        options.suiteProperties().forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        ConformanceReport report = new ConformanceReport(out);
        try {
            report.header(options);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(SUITE.stream().map(name -> selectClass("dev.connecttasks.adapter.http." + name)).toList())
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            LauncherFactory.create().execute(request, report);
            report.summary();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
        return report;
    }
}
