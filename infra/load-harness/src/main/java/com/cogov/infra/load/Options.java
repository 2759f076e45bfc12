package com.cogov.infra.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The harness's command line.
 *
 * @param rows        historical registrations in the dataset ({@code 1M} quick, {@code 10M} full)
 * @param quick       short measurements (5 s each) so the whole run stays under 3 minutes on a loaded dataset
 * @param duration    how long each scenario is measured, after a warm-up of half that (at least 5 s)
 * @param connections concurrent clients for the counter scenarios
 * @param out         where the JSON report goes; none when null
 * @param compare     an earlier JSON report (e.g. the 1 M-row run) whose p99s this run's are compared with
 * @param profile     record the app with Java Flight Recorder, to see where a scenario's time goes
 * @param only        run only the scenarios whose names contain this, or one of its comma-separated parts (and their
 *                    baselines); all when null
 * @param hold        keep the system up after the run, to investigate by hand, until the harness is stopped
 * @param asyncProfiler async-profiler's library: attached to the app during each measured window of a scenario, so
 *                    a profile shows that window only (no warm-up, no JIT compilation); none when null
 * @param profileEvent the profiler's event: {@code cpu} (where the app's CPU goes) or {@code wall} (where a request's
 *                    time goes, waits included)
 */
record Options(
        long rows,
        boolean quick,
        Duration duration,
        int connections,
        Path out,
        Path compare,
        boolean profile,
        String only,
        boolean hold,
        Path asyncProfiler,
        String profileEvent) {

    static final String USAGE = """
            Usage: LoadHarness [--quick] [--rows 1M|10M|<n>] [--duration 20s] [--connections 64] [--out report.json]
                               [--compare earlier-report.json] [--profile] [--only registration] [--hold]
                               [--async-profiler /path/to/libasyncProfiler.so] [--profile-event cpu|wall]
              --quick        1M rows unless --rows is given, 5 s per scenario: under 3 minutes once the dataset is loaded
              --rows         historical registrations to load (kept in .devdata/load-<rows>, reused by later runs)
              --compare      adds each query's p99 ratio to the same scenario in an earlier report (cost vs table size)
              --profile      records the app with Java Flight Recorder into .devdata/load-<rows>/run/app.jfr
              --only         runs only the scenarios whose names contain this text (or one of several, separated by
                             commas), with their baselines
              --hold         keeps the app, MariaDB and Redis up after the run (Ctrl-C stops), with the clerks' tokens
                             in .devdata/load-<rows>/run/tokens.txt
              --async-profiler  attaches async-profiler to the app for each measured window only, writing
                             .devdata/load-<rows>/run/profile-<scenario>.collapsed (--profile-event: cpu or wall)""";

    static Options parse(String... args) {
        Long rows = null;
        boolean quick = false;
        Duration duration = null;
        int connections = 64;
        Path out = null;
        Path compare = null;
        boolean profile = false;
        String only = null;
        boolean hold = false;
        Path asyncProfiler = null;
        String profileEvent = "cpu";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--rows" -> rows = count(value(args, ++i, arg));
                case "--duration" -> duration = seconds(value(args, ++i, arg));
                case "--connections" -> connections = Integer.parseInt(value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--compare" -> compare = Path.of(value(args, ++i, arg));
                case "--profile" -> profile = true;
                case "--only" -> only = value(args, ++i, arg);
                case "--hold" -> hold = true;
                case "--async-profiler" ->
                    asyncProfiler = Path.of(value(args, ++i, arg)).toAbsolutePath();
                case "--profile-event" -> profileEvent = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (connections < 1) {
            throw new IllegalArgumentException("--connections must be at least 1");
        }
        return new Options(
                rows != null ? rows : quick ? 1_000_000 : 10_000_000,
                quick,
                duration != null ? duration : Duration.ofSeconds(quick ? 5 : 20),
                connections,
                out,
                compare,
                profile,
                only,
                hold,
                asyncProfiler,
                profileEvent);
    }

    /** Whether the scenario was asked for: {@code --only} is one text or several separated by commas. */
    boolean runs(String scenario) {
        return only == null || java.util.Arrays.stream(only.split(",")).anyMatch(scenario::contains);
    }

    /** Before each measurement, unmeasured: long enough for the JIT to have compiled the scenario's path. */
    Duration warmUp() {
        return Duration.ofMillis(Math.max(5_000, duration.toMillis() / 2));
    }

    /**
     * Before the write path's measurement, at least: it runs far more code than a read (JDBC, Redis, the rules, JSON),
     * and on two cores shared with the database the JIT takes minutes to compile it. A profile of the measured window
     * after 90 s still found a fifth of the app's CPU in the C2 compiler, with thousands of methods queued for it; so
     * outside --quick the warm-up then goes on until the compiler has settled (LoadHarness), up to
     * {@link #writeWarmUpLimit()}. A node at a city's counters has long since compiled it.
     */
    Duration writeWarmUp() {
        Duration settled = Duration.ofSeconds(90);
        return quick
                ? warmUp()
                : (warmUp().multipliedBy(3).compareTo(settled) > 0 ? warmUp().multipliedBy(3) : settled);
    }

    /** The longest the write path warms up while the JIT is still compiling. */
    Duration writeWarmUpLimit() {
        return quick ? writeWarmUp() : Duration.ofMinutes(6);
    }

    /** {@code 1M} for a million, {@code 250k}, or a plain number. */
    static long count(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace("_", "");
        long factor = t.endsWith("M") ? 1_000_000 : t.endsWith("K") ? 1_000 : 1;
        long n = Long.parseLong(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
        if (n < 10_000) {
            throw new IllegalArgumentException("--rows must be at least 10k, was " + text);
        }
        return n;
    }

    /** Rows as the folder name and the report show them: 1M, 10M, 250k. */
    static String label(long rows) {
        return rows % 1_000_000 == 0
                ? rows / 1_000_000 + "M"
                : rows % 1_000 == 0 ? rows / 1_000 + "k" : Long.toString(rows);
    }

    private static Duration seconds(String text) {
        return Duration.ofSeconds(Long.parseLong(text.strip().replaceFirst("s$", "")));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
