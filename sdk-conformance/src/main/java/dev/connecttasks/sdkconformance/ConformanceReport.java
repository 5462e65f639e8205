package dev.connecttasks.sdkconformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.AssertionFailedError;

/**
 * The report of a run, one case a line as it finishes (docs/conformance.md has the format):
 * {@code PASSED}, {@code DIFFERED} with what connect-tasks answers and what the endpoint answered,
 * or {@code SKIPPED} with why; then one {@code SUMMARY} line.
 */
final class ConformanceReport implements TestExecutionListener {

    enum Outcome { PASSED, DIFFERED, SKIPPED }

    private static final int MAX_DETAIL_LINES = 12;
    private static final int MAX_LINE = 300;

    private final List<String> lines = new ArrayList<>();
    private final java.util.function.Consumer<String> out;
    private int passed;
    private int differed;
    private int skipped;

    ConformanceReport(java.util.function.Consumer<String> out) {
        this.out = out;
    }

    void header(ConformanceOptions options) {
        emit("CONFORMANCE endpoint=" + options.endpoint() + " region=" + options.region() + " instance="
                + options.instanceId().orElse("(made per case)") + " flow=" + options.contactFlowId().orElse("(made per case)"));
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped++;
            emit(line(Outcome.SKIPPED, test) + ": " + oneLine(reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (!test.isTest()) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> {
                passed++;
                emit(line(Outcome.PASSED, test));
            }
            case ABORTED -> {
                skipped++;
                emit(line(Outcome.SKIPPED, test) + ": " + result.getThrowable().map(Throwable::getMessage).map(ConformanceReport::oneLine).orElse(""));
            }
            case FAILED -> {
                differed++;
                emit(line(Outcome.DIFFERED, test));
                result.getThrowable().ifPresent(this::difference);
            }
        }
    }

    /** What connect-tasks answers against what the endpoint answered, as the case's assertion saw them. */
    private void difference(Throwable failure) {
        if (failure instanceof AssertionFailedError assertion && assertion.isExpectedDefined() && assertion.isActualDefined()) {
            emit("  connect-tasks answers: " + oneLine(assertion.getExpected().getStringRepresentation()));
            emit("  the endpoint answered: " + oneLine(assertion.getActual().getStringRepresentation()));
        }
        if (failure instanceof AssertionError && String.valueOf(failure.getMessage()).contains("Expecting code to raise a throwable")) {
            emit("  connect-tasks answers: an error (the case expects the call refused)");
            emit("  the endpoint answered: success");
        }
        if (!(failure instanceof AssertionError)) {
            emit("  the endpoint answered " + failure.getClass().getName() + " where connect-tasks answers as the case expects");
        }
        String message = Optional.ofNullable(failure.getMessage()).orElse("").strip();
        message.lines().filter(l -> !l.isBlank()).limit(MAX_DETAIL_LINES).forEach(l -> emit("  | " + cut(l.stripTrailing())));
        StackTraceElement at = caseLine(failure);
        if (at != null) {
            emit("  at " + at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1) + ".java:" + at.getLineNumber());
        }
    }

    /** The line of the suite's case where the difference showed. */
    private static StackTraceElement caseLine(Throwable failure) {
        for (StackTraceElement element : failure.getStackTrace()) {
            if (element.getClassName().startsWith("dev.connecttasks.adapter.http.") && element.getFileName() != null
                    && element.getFileName().endsWith("Test.java")) {
                return element;
            }
        }
        return null;
    }

    private static String line(Outcome outcome, TestIdentifier test) {
        String name = test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName())
                .orElse(test.getDisplayName());
        return String.format("%-8s %s", outcome, name);
    }

    private static String oneLine(String text) {
        return text == null ? "" : cut(text.replaceAll("\\s*\\R\\s*", " ").strip());
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
    }

    void summary() {
        emit("SUMMARY passed=" + passed + " differed=" + differed + " skipped=" + skipped);
    }

    private void emit(String line) {
        lines.add(line);
        out.accept(line);
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    int differed() {
        return differed;
    }
}
