package com.cogov.infra.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs wrk (from Debian's packages) with the harness's Lua script and reads back its one-line result. */
final class Wrk {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two threads, one per core: the load generator shares the machine with the app, MariaDB and Redis. */
    private static final int THREADS = 2;

    private final Path script;
    private final String runId;
    private final Path work;
    private int invocation;
    /** When set, the profiler is attached to the app behind each measured window (not the warm-ups). */
    private Profiler profiler;

    /**
     * async-profiler, attached through jcmd to the process serving a base URL.
     *
     * @param pids the app's process id by the base URL it serves
     */
    record Profiler(Path library, String event, java.util.Map<String, Long> pids) {}

    Wrk(Path work, String runId) throws IOException {
        this.runId = runId;
        this.work = work;
        this.script = work.resolve("harness.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/load/harness.lua")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void requireInstalled() {
        try {
            Process p = new ProcessBuilder("wrk", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("wrk is not installed: apt-get install wrk (Debian's package)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A warm-up run whose figures are dropped, then the measured one. */
    Measurement measure(
            String name, String baseUrl, String mode, Path folder, int connections, Duration warmUp, Duration duration)
            throws IOException, InterruptedException {
        run(name + " (warm-up)", baseUrl, mode, folder, connections, warmUp);
        Long pid = profiler == null ? null : profiler.pids().get(baseUrl);
        if (pid == null) {
            return run(name, baseUrl, mode, folder, connections, duration);
        }
        // The inner quotes keep jcmd from splitting the agent's options at the commas.
        jcmd(
                pid,
                "\"start,event=" + profiler.event() + ",interval=" + ("wall".equals(profiler.event()) ? "5ms" : "2ms")
                        + "\"");
        try {
            return run(name, baseUrl, mode, folder, connections, duration);
        } finally {
            Path out = work.resolve(
                    "profile-" + name.replaceAll("[^A-Za-z0-9]+", "-") + "-" + profiler.event() + ".collapsed");
            jcmd(pid, "\"stop,file=" + out + ",collapsed\"");
            LoadHarness.say("  profile of " + name + ": " + out);
        }
    }

    void profiler(Profiler profiler) {
        this.profiler = profiler;
    }

    private void jcmd(long pid, String options) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "jcmd",
                        Long.toString(pid),
                        "JVMTI.agent_load",
                        profiler.library().toString(),
                        options)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || out.contains("rror")) {
            LoadHarness.say("  async-profiler via jcmd: " + out.strip());
        }
    }

    /** One wrk run. Each run has its own id, so idempotency keys never repeat across runs. */
    Measurement run(String name, String baseUrl, String mode, Path folder, int connections, Duration duration)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "wrk",
                "-t" + Math.min(THREADS, connections),
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--timeout",
                "10s",
                "-s",
                script.toString(),
                baseUrl,
                "--",
                mode,
                folder.toString(),
                String.valueOf(Math.min(THREADS, connections)),
                runId + "-" + ++invocation));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed for " + name + ":\n" + output);
        }
        String line = output.lines()
                .filter(l -> l.startsWith("HARNESS_RESULT "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no result for " + name + ":\n" + output));
        JsonNode r = JSON.readTree(line.substring("HARNESS_RESULT ".length()));
        Map<String, Long> statuses = new LinkedHashMap<>();
        r.get("statuses")
                .fields()
                .forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asLong()));
        long non2xx = statuses.entrySet().stream()
                .filter(e -> !e.getKey().startsWith("2"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return new Measurement(
                name,
                r.get("requests").asLong(),
                r.get("duration_us").asLong() / 1e6,
                r.get("p50_us").asLong() / 1e3,
                r.get("p95_us").asLong() / 1e3,
                r.get("p99_us").asLong() / 1e3,
                r.get("socket_errors").asLong() + non2xx,
                statuses,
                r.get("distinct_ids").asLong(),
                r.get("tripped").asLong(),
                r.get("retries").asLong());
    }

    /** Writes a scenario's folder: the tokens and its lines ("<token index>\t<path or body>"). */
    static Path folder(Path work, String name, List<String> tokens, List<String> lines) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        Files.write(folder.resolve("tokens.txt"), tokens);
        Files.write(folder.resolve("lines.txt"), lines);
        return folder;
    }
}
