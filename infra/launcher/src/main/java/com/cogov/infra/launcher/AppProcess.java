package com.cogov.infra.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One app running from its production jar in its own JVM, its output in a log file. */
public final class AppProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final int managementPort;

    private AppProcess(String name, Process process, Path log, int managementPort) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.managementPort = managementPort;
    }

    /** A module's production jar, as its build left it in {@code <module>/target}. */
    public static Path jarOf(Path root, String module) throws IOException {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(module + "-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No jar in " + target + ": build it first (README, Quick start)"));
        }
    }

    public static AppProcess start(String name, Path jar, Map<String, String> env, Path logs) throws IOException {
        Path log = logs.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        DevLauncher.say("  starting " + name + " (log: " + log + ")");
        return new AppProcess(name, builder.start(), log, Integer.parseInt(env.get("ENDPOINTS_ALL_PORT")));
    }

    /** Waits until the app's readiness check (database and Redis reachable) answers 200. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    DevLauncher.say("  " + name + " is ready");
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    void waitFor() throws InterruptedException {
        process.waitFor();
    }

    /** SIGTERM first, so the app shuts down gracefully and finishes the requests it holds. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
