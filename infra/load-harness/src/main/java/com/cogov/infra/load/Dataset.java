package com.cogov.infra.load;

import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.infra.dev.DemoData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The city-scale dataset, written with bulk SQL rather than through the API: 6,400 pharmacies, one signed-in clerk
 * per busy pharmacy, a catalog of ten thousand drugs, and historical registrations at the city's daily rate (6,400 ×
 * ~50 a day) ending now, with busy and quiet pharmacies, regular buyers, city-wide walk-ins and a few smurfing buyers.
 * Personal values are sealed with the app's own keys, so the app reads them like its own.
 */
final class Dataset {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd");
    static final double SALES_PER_DAY = Population.PHARMACIES * 50.0;
    static final int EXTRA_DRUGS = 10_000;
    private static final int CHUNK = 2_000;

    /** A special drug the scenarios sell: id, barcode, category, prescription-only, product identifier. */
    record Drug(long id, String barcode, String category, boolean prescriptionOnly, String productIdentifier) {}

    /** What the harness needs to know of the loaded data. */
    record Loaded(
            long registrations,
            List<Integer> clerkPharmacies,
            List<Drug> specialDrugs,
            List<String> barcodes,
            long maxRegistrationId) {}

    private final Connection db;
    private final PrivacyService privacy;
    private final Map<Long, String[]> sealed = new ConcurrentHashMap<>();
    private List<Drug> specials;
    private Map<String, List<Drug>> specialsByCategory;

    Dataset(Connection db, PrivacyService privacy) {
        this.db = db;
        this.privacy = privacy;
    }

    /**
     * Loads the dataset unless this database already holds it, and tops up today's sales when it was loaded on an
     * earlier day, so that "today's registrations" are there to list.
     */
    Loaded ensure(long rows, Supplier<Connection> connections) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS load_dataset (id INT PRIMARY KEY, registrations BIGINT NOT NULL,"
                    + " loaded_day DATE NOT NULL)");
        }
        long[] marker = marker();
        LocalDate today = LocalDate.now(CHINA);
        if (marker == null) {
            long started = System.nanoTime();
            LoadHarness.say("Loading the dataset: 6,400 pharmacies, " + EXTRA_DRUGS + " drugs, " + Options.label(rows)
                    + " registrations ...");
            pharmaciesAndClerks();
            catalog();
            readSpecials();
            Instant now = Instant.now();
            Duration span = Duration.ofSeconds((long) (rows / SALES_PER_DAY * 86_400));
            // Into tables without their secondary indexes, which are then built once, sorted: a B-tree fed ten million
            // random blind indexes one row at a time is what made a bulk load take an hour.
            long count = rows;
            withoutSecondaryIndexes(() -> registrations(connections, count, now.minus(span), now));
            setMarker(rows, today);
            LoadHarness.say("  loaded in "
                    + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        } else {
            readSpecials();
            LocalDate loaded = LocalDate.ofEpochDay(marker[1]);
            if (!loaded.equals(today)) {
                Instant midnight = today.atStartOfDay(CHINA).toInstant();
                Instant now = Instant.now();
                long topUp =
                        (long) (SALES_PER_DAY * Duration.between(midnight, now).toSeconds() / 86_400.0);
                LoadHarness.say("Dataset of " + Options.label(marker[0]) + " rows from " + loaded + ": adding today's "
                        + topUp + " sales");
                registrations(connections, topUp, midnight, now);
                setMarker(marker[0], today);
            } else {
                LoadHarness.say("Dataset of " + Options.label(marker[0]) + " rows already loaded today: reusing it");
            }
            rows = marker[0];
        }
        InspectorLookup.placePharmacies(db); // datasets loaded before the geo piece have no coordinates
        return new Loaded(rows, clerkPharmacies(), specials, barcodes(), maxRegistrationId());
    }

    // ---------------------------------------------------------------- reference data

    private void pharmaciesAndClerks() throws SQLException {
        db.setAutoCommit(false);
        Random random = new Random(6400);
        try (PreparedStatement ph =
                        db.prepareStatement("INSERT IGNORE INTO pharmacy (id, license_number, credit_code, name,"
                                + " district_code, address, opening_hours) VALUES (?,?,?,?,?,?,?)");
                PreparedStatement clerk =
                        db.prepareStatement("INSERT IGNORE INTO account (wechat_openid, role, display_name,"
                                + " pharmacy_id, district_code) VALUES (?, 'PHARMACY_CLERK', ?, ?, ?)")) {
            for (int p = 1; p <= Population.PHARMACIES; p++) {
                String district = Population.district(p);
                ph.setLong(1, p);
                ph.setString(2, String.format("鄂CB02L%05d", p));
                ph.setString(3, DemoData.creditCode("91" + district, random));
                ph.setString(4, "压测药房" + p + "号店");
                ph.setString(5, district);
                ph.setString(6, "武汉市压测路" + p + "号");
                ph.setString(7, "08:00-22:00");
                ph.addBatch();
                if (Population.busy(p)) {
                    clerk.setString(1, clerkOpenid(p));
                    clerk.setString(2, "压测店员" + p);
                    clerk.setLong(3, p);
                    clerk.setString(4, district);
                    clerk.addBatch();
                }
            }
            ph.executeBatch();
            db.commit(); // the clerks' pharmacies first: the demo data's 60 keep theirs, and INSERT IGNORE skips
            // those ids
            clerk.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    static String clerkOpenid(int pharmacyId) {
        return "load-clerk-" + pharmacyId;
    }

    private void catalog() throws SQLException {
        long first = scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM drug");
        db.setAutoCommit(false);
        try (PreparedStatement drug = db.prepareStatement(
                        "INSERT INTO drug (id, name, generic_name, maker, strength, dosage_form,"
                                + " package_unit, approval_number, prescription_only, product_identifier) VALUES (?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement barcode = db.prepareStatement(
                        "INSERT INTO drug_barcode (barcode, format, drug_id) VALUES (?,'EAN_13',?)")) {
            for (long id = first; id < first + EXTRA_DRUGS; id++) {
                drug.setLong(1, id);
                drug.setString(2, "压测药品" + id);
                drug.setString(3, "压测药品" + id);
                drug.setString(4, "压测制药有限公司");
                drug.setString(5, "0.25g");
                drug.setString(6, "片剂");
                drug.setString(7, "盒");
                drug.setString(8, "国药准字H" + (30000000 + id));
                drug.setBoolean(9, id % 4 == 0);
                drug.setString(10, String.format("9%06d", id));
                drug.addBatch();
                barcode.setString(1, DemoData.ean13("699" + String.format("%09d", id)));
                barcode.setLong(2, id);
                barcode.addBatch();
            }
            drug.executeBatch();
            barcode.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    // ---------------------------------------------------------------- registrations

    /** Each index as the migrations create it, so that the loaded schema is exactly the app's. */
    private static final String[][] SECONDARY_INDEXES = {
        {"registration", "ix_registration_pharmacy_time", "(pharmacy_id, sold_at)"},
        {"registration", "ix_registration_district_time", "(district_code, sold_at)"},
        {"registration", "ix_registration_buyer_time", "(buyer_number_index, sold_at)"},
        {"registration", "ix_registration_time", "(sold_at)"},
        {"registration_item", "ix_registration_item_registration", "(registration_id)"},
        {"registration_item", "ix_registration_item_time", "(sold_at)"},
        {"registration_item", "ix_registration_item_district_time", "(district_code, sold_at)"},
        {"registration_item", "ix_registration_item_pharmacy_time", "(pharmacy_id, sold_at)"},
        {"registration_item", "ix_registration_item_drug_time", "(drug_id, sold_at)"},
        {"registration_item", "ix_registration_item_category_time", "(special_category_code, sold_at)"},
        {"registration_trace_code", "ix_registration_trace_code_registration", "(registration_id)"},
    };

    interface Load {
        void run() throws Exception;
    }

    private void withoutSecondaryIndexes(Load load) throws Exception {
        try (Statement st = db.createStatement()) {
            for (String[] index : SECONDARY_INDEXES) {
                st.execute("ALTER TABLE " + index[0] + " DROP INDEX " + index[1]);
            }
            load.run();
            LoadHarness.say("  building the indexes ...");
            for (String table : List.of("registration", "registration_item", "registration_trace_code")) {
                StringBuilder alter = new StringBuilder("ALTER TABLE " + table);
                String sep = " ";
                for (String[] index : SECONDARY_INDEXES) {
                    if (index[0].equals(table)) {
                        alter.append(sep)
                                .append("ADD INDEX ")
                                .append(index[1])
                                .append(' ')
                                .append(index[2]);
                        sep = ", ";
                    }
                }
                st.execute(alter.toString());
            }
        }
    }

    /**
     * {@code count} sales spread evenly over [from, to), ids ascending with time as the app writes them, in chunks of
     * 2,000 over two connections (the database, not Java, is the bottleneck).
     */
    private void registrations(Supplier<Connection> connections, long count, Instant from, Instant to)
            throws Exception {
        long firstId = maxRegistrationId() + 1;
        double step = (double) Duration.between(from, to).toNanos() / Math.max(1, count);
        double[] cumulative = new double[Population.PHARMACIES];
        double sum = 0;
        for (int p = 1; p <= Population.PHARMACIES; p++) {
            cumulative[p - 1] = sum += Population.weight(p);
        }
        Map<Integer, Long> clerks = clerkAccounts();
        long chunks = (count + CHUNK - 1) / CHUNK;
        int cityBuyers =
                (int) Math.max(10_000, Math.min(100_000_000, count / 10)); // a tenth as many as sales: some come back
        AtomicLong done = new AtomicLong();
        java.util.concurrent.atomic.AtomicInteger decile = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int worker = w;
                futures.add(workers.submit(() -> {
                    try (Connection c = connections.get()) {
                        try (Statement st = c.createStatement()) {
                            st.execute("SET unique_checks = 0");
                        }
                        c.setAutoCommit(false);
                        for (long chunk = worker; chunk < chunks; chunk += 2) {
                            long start = chunk * CHUNK;
                            long end = Math.min(count, start + CHUNK);
                            writeChunk(
                                    c,
                                    new Random(firstId + chunk),
                                    firstId,
                                    start,
                                    end,
                                    from,
                                    step,
                                    cumulative,
                                    clerks,
                                    cityBuyers);
                            c.commit();
                            long n = done.addAndGet(end - start);
                            int d = (int) (n * 10 / count);
                            if (decile.getAndAccumulate(d, Math::max) < d) {
                                LoadHarness.say("  " + d * 10 + " % (" + n + " registrations)");
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private void writeChunk(
            Connection c,
            Random random,
            long firstId,
            long start,
            long end,
            Instant from,
            double step,
            double[] cumulative,
            Map<Integer, Long> clerks,
            int cityBuyers)
            throws SQLException {
        try (PreparedStatement reg =
                        c.prepareStatement("INSERT INTO registration (id, pharmacy_id, district_code, clerk_id,"
                                + " sold_at, recorded_at, buyer_document_type, buyer_number_sealed, buyer_number_index, buyer_name_sealed,"
                                + " buyer_birth_date, buyer_sex, prescription_number, prescriber, prescribing_institution, warnings, number)"
                                + " VALUES (?,?,?,?,?,?,'RESIDENT_ID',?,?,?,?,?,?,?,?,?,?)");
                PreparedStatement item = c.prepareStatement("INSERT INTO registration_item (registration_id, drug_id,"
                        + " special_category_code, quantity, batch_number, prescribed_quantity, sold_at, pharmacy_id,"
                        + " district_code) VALUES (?,?,?,?,?,?,?,?,?)");
                PreparedStatement code = c.prepareStatement(
                        "INSERT INTO registration_trace_code (trace_code, registration_id) VALUES (?,?)");
                PreparedStatement voids =
                        c.prepareStatement("INSERT INTO registration_void (registration_id, voided_at, voided_by,"
                                + " reason) VALUES (?,?,?,'顾客退货')")) {
            for (long i = start; i < end; i++) {
                long id = firstId + i;
                int pharmacy = pharmacy(random, cumulative);
                double roll = random.nextDouble();
                long buyer = roll < 0.60
                        ? Population.regular(pharmacy, random.nextInt(Population.REGULARS_PER_PHARMACY))
                        : roll < 0.99
                                ? Population.CITY_BASE + random.nextInt(cityBuyers)
                                : Population.SMURF_BASE + random.nextInt(Population.SMURFS);
                String[] b = buyer(buyer);
                Instant soldAt = from.plusNanos((long) (i * step));
                Drug first = drug(random);
                boolean prescribed = first.prescriptionOnly();
                reg.setLong(1, id);
                reg.setLong(2, pharmacy);
                reg.setString(3, Population.district(pharmacy));
                reg.setLong(4, clerks.getOrDefault(pharmacy, 0L));
                reg.setTimestamp(5, Timestamp.from(soldAt));
                reg.setTimestamp(6, Timestamp.from(soldAt.plusSeconds(random.nextInt(30))));
                reg.setString(7, b[0]);
                reg.setString(8, b[1]);
                reg.setString(9, b[2]);
                reg.setObject(10, java.sql.Date.valueOf(b[3]), Types.DATE);
                reg.setString(11, b[4]);
                reg.setString(12, prescribed ? "CF" + id : null);
                reg.setString(13, prescribed ? "张医生" : null);
                reg.setString(14, prescribed ? "武汉市第一医院" : null);
                reg.setString(
                        15,
                        buyer >= Population.SMURF_BASE && buyer < Population.CITY_BASE ? "VELOCITY_PHARMACIES" : null);
                // Numbers as they were before they were random (the id in ten digits): unique, and past data keeps
                // them.
                reg.setString(16, "DJ" + DAY.format(soldAt.atZone(CHINA)) + String.format("%010d", id));
                reg.addBatch();
                int items = random.nextDouble() < 0.15 ? 2 : 1;
                for (int n = 0; n < items; n++) {
                    Drug d = n == 0 ? first : drug(random);
                    item.setLong(1, id);
                    item.setLong(2, d.id());
                    item.setString(3, d.category());
                    item.setInt(4, 1 + random.nextInt(2));
                    item.setString(5, "B" + (20260000 + random.nextInt(1000)));
                    item.setObject(6, d.prescriptionOnly() ? 2 : null, Types.INTEGER);
                    item.setTimestamp(7, Timestamp.from(soldAt));
                    item.setLong(8, pharmacy);
                    item.setString(9, Population.district(pharmacy));
                    item.addBatch();
                    if (random.nextDouble() < 0.3) {
                        code.setString(1, d.productIdentifier() + String.format("%013d", id * 2 + n));
                        code.setLong(2, id);
                        code.addBatch();
                    }
                }
                if (random.nextDouble() < 0.005) {
                    voids.setLong(1, id);
                    voids.setTimestamp(2, Timestamp.from(soldAt.plusSeconds(600)));
                    voids.setLong(3, clerks.getOrDefault(pharmacy, 0L));
                    voids.addBatch();
                }
            }
            reg.executeBatch();
            item.executeBatch();
            code.executeBatch();
            voids.executeBatch();
        }
    }

    private static int pharmacy(Random random, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = java.util.Arrays.binarySearch(cumulative, x);
        return (i >= 0 ? i : -i - 1) + 1;
    }

    /** Mostly ephedrine compounds, as at real counters; codeine, dextromethorphan and diphenoxylate by prescription. */
    private Drug drug(Random random) {
        double roll = random.nextDouble();
        String category = roll < 0.75
                ? "EPHEDRINE_COMPOUND"
                : roll < 0.87 ? "DEXTROMETHORPHAN" : roll < 0.95 ? "CODEINE_ORAL_LIQUID" : "DIPHENOXYLATE_COMPOUND";
        List<Drug> of = specialsByCategory.get(category);
        return of.get(random.nextInt(of.size()));
    }

    /** Sealed once per buyer (a real row would have its own IV; the cost measured is the same). */
    private String[] buyer(long k) {
        return sealed.computeIfAbsent(k, key -> {
            String number = Population.historyNumber(key);
            String birth = number.substring(6, 10) + "-" + number.substring(10, 12) + "-" + number.substring(12, 14);
            return new String[] {
                privacy.seal(number),
                privacy.blindIndex(PersonalField.ID_NUMBER, number),
                privacy.seal(Population.name(key)),
                birth,
                (number.charAt(16) - '0') % 2 == 1 ? "MALE" : "FEMALE"
            };
        });
    }

    // ---------------------------------------------------------------- reads

    /** Before the loader's threads start, which only read these. */
    private void readSpecials() throws SQLException {
        specials = specials();
        specialsByCategory = specials.stream().collect(java.util.stream.Collectors.groupingBy(Drug::category));
    }

    List<Drug> specials() throws SQLException {
        List<Drug> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT d.id, MIN(b.barcode), d.special_category_code,"
                        + " d.prescription_only, d.product_identifier FROM drug d JOIN drug_barcode b ON b.drug_id = d.id"
                        + " WHERE d.special_category_code IS NOT NULL GROUP BY d.id, d.special_category_code, d.prescription_only,"
                        + " d.product_identifier ORDER BY d.id")) {
            while (rs.next()) {
                out.add(new Drug(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
            }
        }
        return out;
    }

    private List<String> barcodes() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT barcode FROM drug_barcode ORDER BY barcode")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<Integer> clerkPharmacies() {
        return clerkAccounts().keySet().stream().sorted().toList();
    }

    private Map<Integer, Long> clerkAccounts() {
        Map<Integer, Long> out = new HashMap<>();
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT pharmacy_id, id FROM account WHERE wechat_openid LIKE 'load-clerk-%'")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    long maxRegistrationId() throws SQLException {
        return scalar("SELECT COALESCE(MAX(id), 0) FROM registration");
    }

    private long[] marker() throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT registrations, loaded_day FROM load_dataset WHERE id = 1")) {
            return rs.next()
                    ? new long[] {rs.getLong(1), rs.getDate(2).toLocalDate().toEpochDay()}
                    : null;
        }
    }

    private void setMarker(long rows, LocalDate day) throws SQLException {
        try (PreparedStatement ps =
                db.prepareStatement("REPLACE INTO load_dataset (id, registrations, loaded_day) VALUES (1, ?, ?)")) {
            ps.setLong(1, rows);
            ps.setDate(2, java.sql.Date.valueOf(day));
            ps.executeUpdate();
        }
    }

    private long scalar(String sql) throws SQLException {
        try (Statement st = db.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
