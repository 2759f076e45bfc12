package com.cogov.infra.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's figures, each beside its baseline, with the targets checked: Markdown on stdout, JSON to a file. */
final class Report {

    /**
     * One scenario and the baseline measured beside it in the same run; a read also has its raw-JDBC read baseline
     * ({@link JdbcReads}: the same statements, page size and concurrency, over JDBC alone), null otherwise.
     */
    record Row(String name, int connections, Measurement scenario, Measurement baseline, Measurement jdbc) {
        Row(String name, int connections, Measurement scenario, Measurement baseline) {
            this(name, connections, scenario, baseline, null);
        }

        double ratio() {
            return scenario.throughput() / baseline.throughput();
        }

        /** The app's throughput against the database's own for the same reads; NaN without that baseline. */
        double jdbcRatio() {
            return jdbc == null ? Double.NaN : scenario.throughput() / jdbc.throughput();
        }
    }

    /**
     * What the table holds after the registration run.
     *
     * @param answered   distinct sales answered 201
     * @param lost       answered sales not in the table
     * @param written    rows the run wrote (can exceed answered by the requests wrk cut off at the end)
     * @param duplicates buyers with two rows: a sale written twice
     * @param unanswered rows without their idempotency record marked done
     * @param commits    transactions the app wrote the run's sales in (its group commit), from its metrics
     * @param fallbacks  groups of sales that rolled back and were written again sale by sale
     */
    record Checks(
            long answered,
            long lost,
            long written,
            long duplicates,
            long unanswered,
            long retries,
            long tripped,
            long commits,
            long fallbacks) {}

    /**
     * The export scenario: one export, timed from the request to the file's last byte; the apps' heap (portal and BFF,
     * either may run the job) after a full GC before and after it.
     */
    record Export(
            String state,
            long rows,
            long bytes,
            double seconds,
            double jobSeconds,
            double heapBeforeMb,
            double heapAfterMb) {}

    private Export export;
    private final Options options;
    private final long registrations;
    private final List<Row> rows;
    private final Checks checks;
    private final JsonNode earlier;
    /** Per scenario with a raw-JDBC read baseline: the statement shapes it replayed, with the share of requests. */
    private final Map<String, Map<String, Double>> statements = new LinkedHashMap<>();

    private final Map<String, String> notes = new LinkedHashMap<>();

    private final String when = OffsetDateTime.now(ZoneOffset.ofHours(8))
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();

    Report(Options options, long registrations, List<Row> rows, Checks checks, JsonNode earlier) {
        this.options = options;
        this.registrations = registrations;
        this.rows = rows;
        this.checks = checks;
        this.earlier = earlier;
    }

    /** A fact about the run a reader needs beside the figures (printed, and kept in the JSON's "notes"). */
    Report note(String what, String value) {
        notes.put(what, value);
        return this;
    }

    Report export(Export run) {
        this.export = run;
        return this;
    }

    Report statements(String scenario, Map<String, Double> shapes) {
        statements.put(scenario, shapes);
        return this;
    }

    void print(PrintStream out) {
        out.println();
        out.printf("## Load harness, %s: %s registrations, %s%n%n", when, Options.label(registrations), machine());
        out.println("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors | baseline | baseline req/s"
                + " | baseline p99 ms | ratio | raw JDBC read req/s | raw JDBC p99 ms | ratio to raw JDBC |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            Measurement s = r.scenario();
            Measurement b = r.baseline();
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %,.0f | %.1f | %.1f | %.1f | %d | %s | %,.0f | %.1f | %.2f | %s | %s | %s |%n",
                    r.name(),
                    r.connections(),
                    s.throughput(),
                    s.p50Ms(),
                    s.p95Ms(),
                    s.p99Ms(),
                    s.errors(),
                    b.name(),
                    b.throughput(),
                    b.p99Ms(),
                    r.ratio(),
                    r.jdbc() == null
                            ? ""
                            : String.format(Locale.ROOT, "%,.0f", r.jdbc().throughput()),
                    r.jdbc() == null
                            ? ""
                            : String.format(Locale.ROOT, "%.1f", r.jdbc().p99Ms()),
                    r.jdbc() == null ? "" : String.format(Locale.ROOT, "%.2f", r.jdbcRatio()));
        }
        out.println();
        if (checks != null) {
            out.printf(
                    Locale.ROOT,
                    "Registration run: %,d sales answered (%.1f %% with a rule's warning), %,d retries replayed,"
                            + " %,d rows written, %d lost, %d duplicated, %d without their idempotency record;"
                            + " written in %,d transactions (%.1f sales each), %d groups fell back to sale by sale.%n",
                    checks.answered(),
                    100.0 * checks.tripped() / Math.max(1, checks.answered()),
                    checks.retries(),
                    checks.written(),
                    checks.lost(),
                    checks.duplicates(),
                    checks.unanswered(),
                    checks.commits(),
                    (double) checks.written() / Math.max(1, checks.commits()),
                    checks.fallbacks());
        }
        notes.forEach((what, value) -> out.println(what + ": " + value));
        if (export != null) {
            out.printf(
                    Locale.ROOT,
                    "Registration export (xlsx): %s, %,d rows, %,d bytes in %.1f s (the job %.1f s of it); the"
                            + " apps' heap (portal and BFF) after a full GC %.1f MB before and %.1f MB after (%+.1f MB).%n",
                    export.state(),
                    export.rows(),
                    export.bytes(),
                    export.seconds(),
                    export.jobSeconds(),
                    export.heapBeforeMb(),
                    export.heapAfterMb(),
                    export.heapAfterMb() - export.heapBeforeMb());
        }
        rows.forEach(r -> {
            if (!r.scenario().statuses().isEmpty() && r.scenario().errors() > 0) {
                out.println(r.name() + ": answers by status " + r.scenario().statuses());
            }
        });
        out.println();
        out.println("Targets:");
        targets()
                .forEach(t -> out.printf(
                        "- [%s] %s: %s%n",
                        t.get("met").equals(Boolean.TRUE) ? "met" : "MISSED", t.get("target"), t.get("measured")));
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> scenarios = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", r.name());
            s.put("throughput_rps", round(r.scenario().throughput()));
            s.put("p50_ms", round(r.scenario().p50Ms()));
            s.put("p95_ms", round(r.scenario().p95Ms()));
            s.put("p99_ms", round(r.scenario().p99Ms()));
            s.put("errors", r.scenario().errors());
            s.put("baseline", r.baseline().name());
            s.put("baseline_rps", round(r.baseline().throughput()));
            s.put("ratio", Math.round(r.ratio() * 1000) / 1000.0);
            s.put("connections", r.connections());
            s.put("baseline_p99_ms", round(r.baseline().p99Ms()));
            if (r.jdbc() != null) {
                s.put("jdbc_baseline", r.jdbc().name());
                s.put("jdbc_baseline_rps", round(r.jdbc().throughput()));
                s.put("jdbc_baseline_p50_ms", round(r.jdbc().p50Ms()));
                s.put("jdbc_baseline_p99_ms", round(r.jdbc().p99Ms()));
                s.put("jdbc_ratio", Math.round(r.jdbcRatio() * 1000) / 1000.0);
            }
            scenarios.add(s);
        }
        json.put("scenarios", scenarios);
        json.put("dataset", Map.of("registrations", registrations, "pharmacies", Population.PHARMACIES));
        if (checks != null) {
            json.put("checks", checks);
        }
        if (export != null) {
            json.put("export", export);
        }
        if (!notes.isEmpty()) {
            json.put("notes", notes);
        }
        if (!statements.isEmpty()) {
            json.put("jdbc_read_statements", statements);
        }
        json.put("targets", targets());
        json.put(
                "run",
                Map.of(
                        "date",
                        when,
                        "machine",
                        machine(),
                        "seconds_per_scenario",
                        options.duration().toSeconds(),
                        "quick",
                        options.quick()));
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Files.newOutputStream(file), json);
    }

    private List<Map<String, Object>> targets() {
        List<Map<String, Object>> out = new ArrayList<>();
        Row submit = row("registration submit");
        if (submit != null) {
            Measurement m = submit.scenario();
            out.add(target(
                    "registration submit ≥ 0.25 × raw JDBC, p99 ≤ 100 ms, no errors, none lost or duplicated",
                    m.requests() > 0
                            && submit.ratio() >= 0.25
                            && m.p99Ms() <= 100
                            && m.errors() == 0
                            && checks.lost() == 0
                            && checks.duplicates() == 0
                            && checks.unanswered() == 0,
                    String.format(
                            Locale.ROOT,
                            "%.2f ×, p99 %.1f ms, %d errors, %d lost, %d duplicated",
                            submit.ratio(),
                            m.p99Ms(),
                            m.errors(),
                            checks.lost(),
                            checks.duplicates())));
        }
        Row barcode = row("barcode lookup");
        if (barcode != null) {
            Measurement m = barcode.scenario();
            out.add(target(
                    "barcode lookup ≥ 0.6 × trivial endpoint, p99 ≤ 20 ms",
                    m.requests() > 0 && barcode.ratio() >= 0.6 && m.p99Ms() <= 20 && m.errors() == 0,
                    String.format(Locale.ROOT, "%.2f ×, p99 %.1f ms", barcode.ratio(), m.p99Ms())));
        }
        for (String name : List.of("pharmacy today", "buyer history")) {
            if (row(name) == null) {
                continue;
            }
            Measurement m = row(name).scenario();
            Double before = earlierP99(name);
            String vs = before == null
                    ? ""
                    : String.format(
                            Locale.ROOT,
                            ", %.2f × the %s-row run's p99 (%.1f ms)",
                            m.p99Ms() / before,
                            Options.label(earlier.path("dataset")
                                    .path("registrations")
                                    .asLong()),
                            before);
            out.add(target(
                    name + " p99 ≤ 50 ms at " + row(name).connections() + " clients"
                            + (before == null ? "" : " and ≤ 1.5 × the smaller dataset's"),
                    m.requests() > 0
                            && m.p99Ms() <= 50
                            && m.errors() == 0
                            && (before == null || m.p99Ms() <= 1.5 * before),
                    String.format(
                            Locale.ROOT, "p99 %.1f ms at %s rows%s", m.p99Ms(), Options.label(registrations), vs)));
        }
        Row overview = row("statistics overview");
        if (overview != null) {
            Double before = earlierP99("statistics overview");
            Measurement m = overview.scenario();
            out.add(target(
                    "statistics overview p99 ≤ 1.2 × the smaller dataset's",
                    before != null && m.requests() > 0 && m.errors() == 0 && m.p99Ms() <= 1.2 * before,
                    before == null
                            ? String.format(Locale.ROOT, "p99 %.1f ms (no earlier run to compare with)", m.p99Ms())
                            : String.format(
                                    Locale.ROOT,
                                    "p99 %.1f ms at %s rows, %.2f × the %s-row run's (%.1f ms)",
                                    m.p99Ms(),
                                    Options.label(registrations),
                                    m.p99Ms() / before,
                                    Options.label(earlier.path("dataset")
                                            .path("registrations")
                                            .asLong()),
                                    before)));
        }
        if (export != null) {
            out.add(target(
                    "100,000-row export done in ≤ 20 s, the apps' heap after a full GC within 50 MB of before",
                    export.state().equals("DONE")
                            && export.seconds() <= 20
                            && export.heapAfterMb() - export.heapBeforeMb() <= 50,
                    String.format(
                            Locale.ROOT,
                            "%s, %,d rows in %.1f s; heap %.1f → %.1f MB",
                            export.state(),
                            export.rows(),
                            export.seconds(),
                            export.heapBeforeMb(),
                            export.heapAfterMb())));
        }
        for (Row r : rows) {
            if (r.jdbc() != null && r.connections() <= 8) {
                out.add(target(
                        r.name() + " ≥ 0.5 × its raw-JDBC read (the same SQL, page size and " + r.connections()
                                + " clients)",
                        r.scenario().requests() > 0
                                && r.jdbcRatio() >= 0.5
                                && r.scenario().errors() == 0,
                        String.format(
                                Locale.ROOT,
                                "%.2f × (%,.0f against %,.0f pages a second; p99 %.1f ms against %.1f ms)",
                                r.jdbcRatio(),
                                r.scenario().throughput(),
                                r.jdbc().throughput(),
                                r.scenario().p99Ms(),
                                r.jdbc().p99Ms())));
            }
        }
        return out;
    }

    private Double earlierP99(String name) {
        if (earlier == null) {
            return null;
        }
        for (JsonNode s : earlier.path("scenarios")) {
            if (s.path("name").asText().equals(name)) {
                return s.path("p99_ms").asDouble();
            }
        }
        return null;
    }

    private Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static Map<String, Object> target(String target, boolean met, String measured) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("target", target);
        t.put("met", met);
        t.put("measured", measured);
        return t;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException ignored) {
            // not Linux: the core count and memory still say something
        }
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(
                Locale.ROOT,
                "%d cores (%s), %d GiB; app, MariaDB, Redis and wrk on the same machine",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memory >> 30);
    }
}
