package com.cogov.infra.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The write path's ceiling: what the database alone does for a registration, with no HTTP, no framework, no rules.
 * Each client commits, per sale, the rows an accepted sale leaves behind: the registration, its item, the idempotency
 * record holding the answer and the outbox record, in one transaction. (The audit entry is left out: only the app may
 * append to the chain.) Same database, same concurrency, same duration as the registration scenario.
 */
final class JdbcBaseline {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd");

    private JdbcBaseline() {}

    /** @param buyers pre-sealed buyers: {number sealed, blind index, name sealed} */
    static Measurement measure(
            Supplier<Connection> connections,
            int clients,
            Duration warmUp,
            Duration duration,
            List<Integer> pharmacies,
            List<Dataset.Drug> drugs,
            List<String[]> buyers)
            throws Exception {
        run(connections, clients, warmUp, pharmacies, drugs, buyers);
        long[][] latencies = run(connections, clients, duration, pharmacies, drugs, buyers);
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Measurement(
                "raw JDBC insert",
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
            Supplier<Connection> connections,
            int clients,
            Duration duration,
            List<Integer> pharmacies,
            List<Dataset.Drug> drugs,
            List<String[]> buyers)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            List<Connection> open = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                open.add(connections.get()); // connected before the clock starts, as the app's pool is
            }
            long deadline = System.nanoTime() + duration.toNanos();
            for (Connection c : open) {
                futures.add(pool.submit(() -> client(c, deadline, pharmacies, drugs, buyers)));
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

    private static long[] client(
            Connection c, long deadline, List<Integer> pharmacies, List<Dataset.Drug> drugs, List<String[]> buyers)
            throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long[] latencies = new long[1 << 16];
        int n = 0;
        try (c;
                PreparedStatement reg = c.prepareStatement(
                        "INSERT INTO registration (pharmacy_id, district_code, clerk_id,"
                                + " sold_at, recorded_at, buyer_document_type, buyer_number_sealed, buyer_number_index, buyer_name_sealed,"
                                + " buyer_birth_date, buyer_sex, number) VALUES (?,?,0,?,?,'RESIDENT_ID',?,?,?,'2001-02-03','MALE',?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS);
                PreparedStatement item = c.prepareStatement("INSERT INTO registration_item (registration_id, drug_id,"
                        + " special_category_code, quantity, batch_number, sold_at, pharmacy_id, district_code)"
                        + " VALUES (?,?,?,1,'B20261125',?,?,?)");
                PreparedStatement request =
                        c.prepareStatement("INSERT INTO registration_request (pharmacy_id, idempotency_key,"
                                + " request_hash, registration_id, response) VALUES (?,?,?,?,?)");
                PreparedStatement outbox =
                        c.prepareStatement("INSERT INTO outbox (aggregate_type, aggregate_id, version, event_type,"
                                + " payload) VALUES ('registration',?,1,'REGISTERED',?)")) {
            c.setAutoCommit(false);
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                int pharmacy = pharmacies.get(random.nextInt(pharmacies.size()));
                String[] buyer = buyers.get(random.nextInt(buyers.size()));
                Dataset.Drug drug = drugs.get(random.nextInt(drugs.size()));
                Timestamp now = Timestamp.from(Instant.now());
                reg.setLong(1, pharmacy);
                reg.setString(2, Population.district(pharmacy));
                reg.setTimestamp(3, now);
                reg.setTimestamp(4, now);
                reg.setString(5, buyer[0]);
                reg.setString(6, buyer[1]);
                reg.setString(7, buyer[2]);
                // A random public number, as the app draws it, drawn again in the rare case it is taken.
                for (boolean inserted = false; !inserted; ) {
                    reg.setString(
                            8,
                            "DJ" + DAY.format(now.toInstant().atZone(CHINA))
                                    + String.format("%010d", random.nextLong(10_000_000_000L)));
                    try {
                        reg.executeUpdate();
                        inserted = true;
                    } catch (java.sql.SQLIntegrityConstraintViolationException taken) {
                        // only the number can collide: the statement did nothing, the transaction goes on
                    }
                }
                long id;
                try (var keys = reg.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                item.setLong(1, id);
                item.setLong(2, drug.id());
                item.setString(3, drug.category());
                item.setTimestamp(4, now);
                item.setLong(5, pharmacy);
                item.setString(6, Population.district(pharmacy));
                item.executeUpdate();
                request.setLong(1, pharmacy);
                request.setString(2, "jdbc-" + UUID.randomUUID());
                request.setString(3, "0".repeat(64));
                request.setLong(4, id);
                request.setString(
                        5,
                        "{\"id\":" + id + ",\"number\":\"DJ20261125" + String.format("%010d", id)
                                + "\",\"warnings\":[]}");
                request.executeUpdate();
                outbox.setLong(1, id);
                outbox.setString(
                        2,
                        "{\"id\":" + id + ",\"pharmacyId\":" + pharmacy + ",\"buyer\":{\"numberSealed\":\"" + buyer[0]
                                + "\",\"numberIndex\":\"" + buyer[1] + "\",\"nameSealed\":\"" + buyer[2]
                                + "\"},\"items\":[{\"drugId\":"
                                + drug.id()
                                + ",\"quantity\":1,\"batchNumber\":\"B20261125\",\"traceCodes\":[]}],\"warnings\":\"\"}");
                outbox.executeUpdate();
                c.commit();
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
