package com.cogov.infra.load;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The SQL the app runs for a request, as MariaDB received it: each sampled request of a scenario is sent once, one at
 * a time, with the server's general query log on, and the reads it caused are taken from the log between two markers
 * the harness writes around it. The raw-JDBC read baseline ({@link JdbcReads}) then replays exactly these statements,
 * values included: the app's driver prepares statements on the client, so what reaches the server, and what the
 * baseline sends, is the same text. Taken from the database rather than copied from the app's code, the baseline
 * follows the app's queries as they change, and a reader can see which statements it ran (the report lists their
 * shapes).
 */
final class SqlCapture {

    /** Literals and IN lists out of a statement, to recognise one query among pages with other values. */
    // Possessive: a long literal (a sealed value, a sketch) must not recurse once per character (a StackOverflowError
    // on the 10M run's statements).
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]++|\\\\.|'')*+'");

    private static final Pattern NUMBER = Pattern.compile("\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern LIST = Pattern.compile("\\?(?:\\s*,\\s*\\?)+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final String MARKER = "cogov-capture-";

    /**
     * The statements of each request, and the shapes that made the cut.
     *
     * @param pages  per captured request, the reads it ran, in order
     * @param shapes each statement shape with the share of requests that ran it
     */
    record Captured(List<List<String>> pages, Map<String, Double> shapes) {}

    private SqlCapture() {}

    /**
     * Sends {@code sample} of the folder's requests (spread over its lines) and returns the reads each caused.
     * Only SELECTs are kept (those naming {@code table}, when given), and of those only the shapes that at least half
     * of the requests ran: the app's background work (job runner, statistics rollup, outbox relay, audit chainer)
     * also reads while the log is on, every second or two, but not within the few milliseconds of most requests.
     * The scenarios give no table: a record page also reads its pharmacies' names, and that read is the app's too.
     */
    static Captured capture(
            Supplier<Connection> connections,
            String base,
            Path folder,
            int sample,
            @Nullable String table,
            String method)
            throws Exception {
        List<String> tokens = Files.readAllLines(folder.resolve("tokens.txt"));
        List<String> lines = Files.readAllLines(folder.resolve("lines.txt"));
        Path bodyFile = folder.resolve("body.json");
        String body = Files.exists(bodyFile) ? Files.readString(bodyFile) : null;
        HttpClient http = HttpClient.newHttpClient();
        int n = Math.min(sample, lines.size());
        List<List<String[]>> windows = new ArrayList<>();
        try (Connection db = connections.get();
                Statement st = db.createStatement()) {
            long self;
            try (ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                self = rs.getLong(1);
            }
            st.execute("SET GLOBAL general_log = 'OFF'");
            st.execute("SET GLOBAL log_output = 'TABLE'");
            st.execute("TRUNCATE TABLE mysql.general_log");
            st.execute("SET GLOBAL general_log = 'ON'");
            try {
                for (int i = 0; i < n; i++) {
                    String line = lines.get((int) ((long) i * lines.size() / n));
                    int tab = line.indexOf('\t');
                    int token = Integer.parseInt(line.substring(0, tab));
                    st.executeQuery("SELECT '" + MARKER + i + "'").close();
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + line.substring(tab + 1)));
                    if (token >= 0) {
                        request.header("Authorization", "Bearer " + tokens.get(token));
                    }
                    if ("POST".equals(method)) {
                        request.header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body));
                    }
                    HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() / 100 != 2) {
                        throw new IllegalStateException("Capturing the SQL of " + line.substring(tab + 1) + ": "
                                + answer.statusCode() + " " + answer.body());
                    }
                }
                st.executeQuery("SELECT '" + MARKER + n + "'").close();
            } finally {
                st.execute("SET GLOBAL general_log = 'OFF'");
            }
            // The log table is a CSV table: read in the order the server wrote it.
            int window = -1;
            try (ResultSet rs = st.executeQuery(
                    "SELECT thread_id, command_type, CONVERT(argument USING utf8mb4)" + " FROM mysql.general_log")) {
                while (rs.next()) {
                    String text = rs.getString(3);
                    if (rs.getLong(1) == self) {
                        if (text.startsWith("SELECT '" + MARKER)) {
                            window = Integer.parseInt(text.substring(8 + MARKER.length(), text.length() - 1));
                            if (window < n) {
                                windows.add(new ArrayList<>());
                            }
                        }
                        continue;
                    }
                    String command = rs.getString(2);
                    if (window < 0 || window >= n || !("Query".equals(command) || "Execute".equals(command))) {
                        continue;
                    }
                    String sql = text.strip();
                    String lower = sql.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("select")
                            && (table == null || lower.contains(table))
                            && !lower.contains("for update")) {
                        windows.get(window).add(new String[] {sql, shape(sql)});
                    }
                }
            }
            st.execute("TRUNCATE TABLE mysql.general_log");
        }
        Map<String, Integer> counts = new HashMap<>();
        for (List<String[]> w : windows) {
            Set<String> seen = new LinkedHashSet<>();
            w.forEach(s -> seen.add(s[1]));
            seen.forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        Map<String, Double> shapes = new LinkedHashMap<>();
        counts.forEach((s, c) -> {
            if (c * 2 >= windows.size()) {
                shapes.put(s, (double) c / windows.size());
            }
        });
        List<List<String>> pages = new ArrayList<>();
        for (List<String[]> w : windows) {
            List<String> page = w.stream()
                    .filter(s -> shapes.containsKey(s[1]))
                    .map(s -> s[0])
                    .toList();
            if (!page.isEmpty()) {
                pages.add(page);
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("No reads of " + table + " captured from " + n + " requests");
        }
        return new Captured(pages, shapes);
    }

    static String shape(String sql) {
        String s = STRING.matcher(sql).replaceAll("?");
        s = NUMBER.matcher(s).replaceAll("?");
        s = LIST.matcher(s).replaceAll("?");
        return SPACE.matcher(s).replaceAll(" ");
    }

    /** A line of the report: what the baseline replayed. */
    static String describe(Captured c) {
        StringBuilder out = new StringBuilder();
        c.shapes()
                .forEach((s, share) -> out.append(
                        String.format(Locale.ROOT, "    %.0f %% of requests: %s%n", share * 100, abbreviate(s, 400))));
        return out.toString();
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + " …";
    }
}
