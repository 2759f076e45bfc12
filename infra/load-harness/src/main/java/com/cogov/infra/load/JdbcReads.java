package com.cogov.infra.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * A read's ceiling: what the database alone does for one page of a query, with no HTTP, no framework, no decryption,
 * no JSON. Each client sends, for page after page, the very statements the app ran for a sampled request of the
 * scenario ({@link SqlCapture}) over JDBC, in the same order on one connection, and fetches every row and column and
 * discards them. Same database, same concurrency, same duration as the scenario; a page's latency is all of its
 * statements.
 */
final class JdbcReads {

    /**
     * The app's Connector/J settings that bear on a read (api shared.DriverSettings): no round trips for session
     * state the driver already knows, metadata cached.
     */
    private static final Map<String, String> DRIVER_SETTINGS = Map.of(
            "cacheResultSetMetadata", "true",
            "cacheServerConfiguration", "true",
            "useLocalSessionState", "true",
            "useLocalTransactionState", "true",
            "elideSetAutoCommits", "true",
            "maintainTimeStats", "false");

    private JdbcReads() {}

    static Supplier<Connection> asTheAppConnects(String jdbcUrl) {
        Properties properties = new Properties();
        properties.setProperty("user", "root");
        properties.setProperty("password", "");
        DRIVER_SETTINGS.forEach(properties::setProperty);
        return () -> {
            try {
                return DriverManager.getConnection(jdbcUrl, properties);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** A warm-up whose figures are dropped, then the measured run. */
    static Measurement measure(
            Supplier<Connection> connections, List<List<String>> pages, int clients, Duration warmUp, Duration duration)
            throws Exception {
        run(connections, pages, clients, warmUp);
        long[][] latencies = run(connections, pages, clients, duration);
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Measurement(
                "raw JDBC read (same SQL)",
                all.length,
                duration.toNanos() / 1e9,
                percentile(all, 50),
                percentile(all, 95),
                percentile(all, 99),
                0,
                Map.of(),
                0,
                0,
                0);
    }

    private static long[][] run(
            Supplier<Connection> connections, List<List<String>> pages, int clients, Duration duration)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                open.add(connections.get()); // connected before the clock starts, as the app's pool is
            }
            long deadline = System.nanoTime() + duration.toNanos();
            List<Future<long[]>> futures = new ArrayList<>();
            for (Connection c : open) {
                futures.add(pool.submit(() -> client(c, pages, deadline)));
            }
            long[][] out = new long[clients][];
            for (int i = 0; i < clients; i++) {
                out[i] = futures.get(i).get();
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] client(Connection c, List<List<String>> pages, long deadline) throws SQLException {
        long[] latencies = new long[1 << 16];
        int n = 0;
        int next = ThreadLocalRandom.current().nextInt(pages.size());
        try (c;
                Statement st = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                for (String sql : pages.get(next)) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getBytes(i); // fetched, then discarded
                            }
                        }
                    }
                }
                next = (next + 1) % pages.size();
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = System.nanoTime() - start;
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, i)] / 1e6;
    }
}
