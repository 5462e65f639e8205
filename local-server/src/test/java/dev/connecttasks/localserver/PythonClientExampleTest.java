package dev.connecttasks.localserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boto3 example of docs/testing.md ({@code src/test/python/test_controls_example.py}) against the
 * server jar's main started with {@code --test-controls}. Needs python3 with boto3: skipped without
 * them, unless {@code CONNECT_TASKS_PYTHON=required} (CI sets it), which makes their absence a failure.
 */
class PythonClientExampleTest {

    private static final Path SCRIPT = Path.of("src/test/python/test_controls_example.py");

    @Test
    void theBoto3ExamplePassesAgainstTheServer(@TempDir Path directory) throws Exception {
        boolean required = "required".equals(System.getenv("CONNECT_TASKS_PYTHON"));
        String missing = boto3Missing();
        if (missing != null) {
            assertThat(required).as("CONNECT_TASKS_PYTHON=required, but " + missing).isFalse();
            Assumptions.abort(missing + "; CONNECT_TASKS_PYTHON=required makes this a failure");
        }
        try (LocalServerProcess server = LocalServerProcess.start(directory, "--in-memory", "--test-controls", "--quiet")) {
            ProcessBuilder python = new ProcessBuilder("python3", SCRIPT.toAbsolutePath().toString()).redirectErrorStream(true);
            python.environment().put("CONNECT_TASKS_ENDPOINT", server.endpoint);
            Process run = python.start();
            String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
            assertThat(run.exitValue()).as(output).isZero();
            assertThat(output).contains("Ran 4 tests").contains("OK");
        }
    }

    @Test
    void docsTestingShowsTheExampleAsItRuns() throws IOException {
        assertThat(java.nio.file.Files.readString(Path.of("../docs/testing.md")))
                .contains("```python\n" + java.nio.file.Files.readString(SCRIPT) + "```");
    }

    /** Why the example cannot run here, or null when it can. */
    private static String boto3Missing() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import boto3").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0 ? null : "python3 has no boto3";
        } catch (IOException e) {
            return "no python3 on the PATH";
        }
    }
}
