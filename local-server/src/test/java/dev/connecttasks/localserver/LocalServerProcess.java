package dev.connecttasks.localserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local server's main class run as a separate JVM process, as a user runs it; stopped with SIGTERM. */
final class LocalServerProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+) .*ready in (\\d+) ms");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = new ArrayList<>();
    private final Thread reader;
    final String endpoint;
    final long readyMillis;

    /** Where each server's whole output is kept, so that a failed run leaves the server's side of it (a 500's detail) behind. */
    private static final java.nio.file.Path LOGS = java.nio.file.Path.of("target", "local-server-logs");

    private LocalServerProcess(Process process) throws Exception {
        this.process = process;
        java.nio.file.Files.createDirectories(LOGS);
        java.nio.file.Path log = LOGS.resolve("server-" + process.pid() + ".log");
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 java.io.Writer kept = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    kept.write(line);
                    kept.write('\n');
                    kept.flush();
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "local-server-output");
        reader.setDaemon(true);
        reader.start();
        Matcher listening = awaitLine(LISTENING, 60);
        this.endpoint = listening.group(1);
        this.readyMillis = Long.parseLong(listening.group(2));
    }

    static LocalServerProcess start(Path workingDirectory, String... flags) throws Exception {
        List<String> all = new ArrayList<>(List.of("--port", "0"));
        all.addAll(List.of(flags));
        return start(workingDirectory, java.util.Map.of(), all.toArray(String[]::new));
    }

    /** With {@code environment} added to this JVM's, and only the flags given (no --port 0 of its own). */
    static LocalServerProcess start(Path workingDirectory, java.util.Map<String, String> environment, String... flags) throws Exception {
        return new LocalServerProcess(builder(workingDirectory, environment, flags).start());
    }

    /** Runs the server's main to its end (--version, --help, a refused flag): its exit code and everything it printed. */
    static java.util.Map.Entry<Integer, String> run(Path workingDirectory, String... flags) throws Exception {
        Process process = builder(workingDirectory, java.util.Map.of(), flags).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server's main did not end within 60 s");
        }
        return java.util.Map.entry(process.exitValue(), output);
    }

    private static ProcessBuilder builder(Path workingDirectory, java.util.Map<String, String> environment, String... flags) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalServer.class.getName()));
        command.addAll(List.of(flags));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder;
    }

    /** Every line printed so far, once the reader has them. */
    List<String> linesSoFar() throws InterruptedException {
        Thread.sleep(200);
        lines.drainTo(output);
        return List.copyOf(output);
    }

    Matcher awaitLine(Pattern pattern, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (String line : output) {
            Matcher earlier = pattern.matcher(line);
            if (earlier.find()) {
                return earlier;
            }
        }
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                output.add(line);
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            } else if (!reader.isAlive() && lines.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the server never printed /" + pattern + "/; it printed:\n" + String.join("\n", output));
    }

    /** Sends SIGKILL, as a crash would, and waits for the process to be gone: it runs no shutdown hook. */
    void kill() throws Exception {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not die within 30 s of SIGKILL");
        }
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit code. */
    int terminate() throws Exception {
        // Through the handle: Process.destroy() would also close our end of its output, losing the last lines.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            terminate();
        }
    }
}
