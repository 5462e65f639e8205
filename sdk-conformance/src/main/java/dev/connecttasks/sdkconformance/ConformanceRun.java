package dev.connecttasks.sdkconformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A whole conformance run from its command line: what it prints and its exit status, for the command and for tests. */
public final class ConformanceRun {

    /** The report's lines (and any error line) in order, and the exit status: 0 none differed, 1 one did, 2 the run could not be made. */
    public record Result(int exitStatus, List<String> lines) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    private ConformanceRun() {
    }

    /** Runs the command line {@code args}, collecting what it prints. */
    public static Result of(String... args) {
        List<String> lines = new ArrayList<>();
        int status = execute(lines::add, lines::add, args);
        return new Result(status, lines);
    }

    static int execute(Consumer<String> out, Consumer<String> err, String... args) {
        ConformanceOptions options;
        try {
            options = ConformanceOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.accept(e.getMessage());
            err.accept(ConformanceOptions.USAGE);
            return 2;
        }
        String unreachable = Reachability.problem(options);
        if (unreachable != null) {
            err.accept("connect-tasks conformance: " + unreachable);
            return 2;
        }
        ConformanceReport report = ConformanceCommand.run(options, out);
        if (options.report().isPresent()) {
            try {
                Files.write(options.report().get(), report.lines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.accept("connect-tasks conformance: could not write " + options.report().get() + ": " + e.getMessage());
                return 2;
            }
        }
        return report.differed() == 0 ? 0 : 1;
    }
}
