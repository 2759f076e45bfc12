package com.cogov.infra.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export scenario: the city administrator exports the registrations of a window holding {@code rows} sales as a
 * workbook, as the desk does: {@code POST /portal/v1/exports}, polling the job until it is done, then fetching the
 * file. Timed from the request to the file's last byte, with the apps' heap after a full GC ({@code jcmd GC.run},
 * then {@code GC.heap_info}) before and after: an export must run in constant memory. Both apps' heaps are added up,
 * since either node's job runner may take the job.
 */
final class Exports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private Exports() {}

    static Report.Export run(LoadHarness.Portal portal, Path bffJar, Supplier<Connection> connections, long rows)
            throws Exception {
        // The window: the last `rows` sales before today (China time), whole days of data in either dataset.
        Instant to = LocalDate.now(CHINA).atStartOfDay(CHINA).toInstant();
        Instant from;
        try (Connection db = connections.get();
                PreparedStatement ps = db.prepareStatement("SELECT sold_at FROM registration WHERE sold_at >= ?"
                        + " AND sold_at < ? ORDER BY sold_at DESC LIMIT 1 OFFSET ?")) {
            ps.setTimestamp(1, Timestamp.from(to.minus(Duration.ofHours(12))));
            ps.setTimestamp(2, Timestamp.from(to));
            ps.setLong(3, rows - 1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Fewer than " + rows + " sales in the 12 hours before today");
                }
                from = rs.getTimestamp(1).toInstant();
            }
        }
        // Any node may take the job (the BFF's job runner polls the same table), so both apps' heaps are read.
        long[] pids = {pidOf(portal.jar()), pidOf(bffJar)};
        double heapBefore = heapAfterFullGc(pids);
        HttpClient http = HttpClient.newHttpClient();
        String body = JSON.writeValueAsString(Map.of(
                "kind", "REGISTRATIONS",
                "filter", Map.of("from", from.toString(), "to", to.toString()),
                "format", "xlsx"));
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(
                HttpRequest.newBuilder(URI.create(portal.base() + "/portal/v1/exports"))
                        .header("Authorization", "Bearer " + portal.adminToken())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST /portal/v1/exports: " + accepted.statusCode() + " " + accepted.body());
        }
        String id = JSON.readTree(accepted.body()).path("id").asText();
        JsonNode job;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        do {
            Thread.sleep(POLL.toMillis()); // the desk polls (or listens to the job's events) the same way
            job = JSON.readTree(http.send(
                            HttpRequest.newBuilder(URI.create(portal.base() + "/portal/v1/jobs/" + id))
                                    .header("Authorization", "Bearer " + portal.adminToken())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        } while (!job.path("state").asText().matches("DONE|FAILED|CANCELLED") && System.nanoTime() < deadline);
        double jobSeconds = (System.nanoTime() - started) / 1e9;
        long bytes = 0;
        if (job.path("state").asText().equals("DONE")) {
            HttpResponse<InputStream> file = http.send(
                    HttpRequest.newBuilder(URI.create(portal.base() + "/portal/v1/exports/" + id + "/file"))
                            .header("Authorization", "Bearer " + portal.adminToken())
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = file.body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes += n;
                }
            }
            if (file.statusCode() != 200) {
                throw new IllegalStateException("GET the export's file: " + file.statusCode());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double heapAfter = heapAfterFullGc(pids);
        LoadHarness.say(String.format(
                java.util.Locale.ROOT,
                "  export of %s to %s: %s, %d rows, %,d bytes in %.1f s (job %.1f s); the apps' heap (portal and"
                        + " BFF) after a full GC %.1f MB before, %.1f MB after",
                from,
                to,
                job.path("state").asText(),
                job.path("total").asLong(),
                bytes,
                seconds,
                jobSeconds,
                heapBefore,
                heapAfter));
        return new Report.Export(
                job.path("state").asText(),
                job.path("total").asLong(),
                bytes,
                seconds,
                jobSeconds,
                heapBefore,
                heapAfter);
    }

    /** The app's JVM, by the jar it runs ({@code -jar <jar>}: the harness's own command line may name the jar too). */
    static long pidOf(Path jar) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("-jar " + jar))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No process runs " + jar))
                .pid();
    }

    /** The heap in use after a full collection, in MB, as the JVMs report it, added up. */
    static double heapAfterFullGc(long... pids) throws Exception {
        double total = 0;
        for (long pid : pids) {
            jcmd(pid, "GC.run");
            String info = jcmd(pid, "GC.heap_info");
            Matcher used = HEAP_USED.matcher(info);
            if (!used.find()) {
                throw new IllegalStateException("No heap figure in jcmd's GC.heap_info:\n" + info);
            }
            total += Long.parseLong(used.group(1)) / 1024.0;
        }
        return total;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ":\n" + out);
        }
        return out;
    }
}
