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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LocalServer.class.getName(), "--port", "0"));
        command.addAll(List.of(flags));
        return new LocalServerProcess(new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start());
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
