package com.cogov.api.registration;

import com.cogov.api.buyer.VerifiedBuyer;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registration tables, in plain SQL: inserts only (registrations are append-only), and the index-backed reads.
 * Every write runs in a transaction of its own or joins the caller's; every read is one statement on a connection of
 * its own, or the caller's.
 */
@Singleton
class RegistrationStore {

    private final JdbcOperations jdbc;

    RegistrationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** 0 or 1: a multi-row insert's ids are consecutive; 2 (interleaved): they may not be. */
    @Connectable
    int autoIncrementLockMode() {
        return jdbc.prepareStatement("SELECT @@innodb_autoinc_lock_mode", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    // ------------------------------------------------------------------ idempotency records

    /** What a key was used for: the request's hash and the answer given. */
    record Answered(String requestHash, String response) {
    }

    /**
     * An idempotency key, which is a pharmacy's own. Keys are letters, digits, - and _, and the column compares them
     * without regard to case (utf8mb4_unicode_ci): so does this record, or a key read back in other letters would not
     * be found again.
     */
    record RequestKey(long pharmacyId, String key) {
        RequestKey {
            key = key.toLowerCase(java.util.Locale.ROOT);
        }
    }

    // Single statements read on a connection without a transaction (@Connectable): a transaction around one SELECT
    // costs three more round trips (autocommit off, commit, autocommit on) and buys nothing.
    @Connectable
    Optional<Answered> answered(long pharmacyId, String key) {
        RequestKey requestKey = new RequestKey(pharmacyId, key);
        return Optional.ofNullable(answered(List.of(requestKey)).get(requestKey));
    }

    /** The answers already given to any of the keys, in one statement; joins the caller's transaction if there is one. */
    @Connectable
    Map<RequestKey, Answered> answered(Collection<RequestKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT pharmacy_id, idempotency_key, request_hash, response FROM registration_request WHERE "
                + String.join(" OR ", java.util.Collections.nCopies(keys.size(), "(pharmacy_id = ? AND idempotency_key = ?)"));
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (RequestKey k : keys) {
                ps.setLong(i++, k.pharmacyId());
                ps.setString(i++, k.key());
            }
            Map<RequestKey, Answered> answered = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answered.put(new RequestKey(rs.getLong(1), rs.getString(2)), new Answered(rs.getString(3), rs.getString(4)));
                }
            }
            return answered;
        });
    }

    /**
     * What the counter needs from the database before it evaluates a sale: the buyer's unvoided purchases by
     * category (those Redis does not hold), and which of its trace codes an earlier unvoided sale carried.
     */
    record Earlier(Map<String, List<Velocity.Purchase>> purchases, Set<String> seenTraceCodes) {
        static final Earlier NOTHING = new Earlier(Map.of(), Set.of());
    }

    /**
     * One statement, so a sale costs one round trip here however many of the questions it asks; none when it asks none.
     * The purchases are the truth behind the velocity rule, read by the buyer's blind index.
     */
    @Connectable
    Earlier earlier(String buyerIndex, Collection<String> categories, Instant since, Collection<String> traceCodes) {
        if (categories.isEmpty() && traceCodes.isEmpty()) {
            return Earlier.NOTHING;
        }
        return jdbc.prepareStatement(earlierSql(categories.size(), traceCodes.size()), ps -> {
            int i = 1;
            if (!categories.isEmpty()) {
                ps.setString(i++, buyerIndex);
                ps.setTimestamp(i++, Timestamp.from(since));
                for (String category : categories) {
                    ps.setString(i++, category);
                }
            }
            for (String code : traceCodes) {
                ps.setString(i++, code);
            }
            Map<String, List<Velocity.Purchase>> purchases = new HashMap<>();
            Set<String> seen = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String category = rs.getString(1);
                    if (category == null) {
                        seen.add(rs.getString(6));
                    } else {
                        purchases.computeIfAbsent(category, c -> new ArrayList<>()).add(new Velocity.Purchase(
                                rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return new Earlier(purchases, seen);
        });
    }

    /** The parts asked for: purchases (category, id, pharmacy, packages, time), and trace codes seen (in the last column). */
    static String earlierSql(int categories, int traceCodes) {
        List<String> parts = new ArrayList<>();
        if (categories > 0) {
            parts.add("SELECT i.special_category_code, r.id, r.pharmacy_id, SUM(i.quantity), r.sold_at, NULL"
                    + " FROM registration r JOIN registration_item i ON i.registration_id = r.id"
                    + " LEFT JOIN registration_void v ON v.registration_id = r.id"
                    + " WHERE r.buyer_number_index = ? AND r.sold_at >= ? AND v.registration_id IS NULL"
                    + " AND i.special_category_code IN (" + marks(categories) + ")"
                    + " GROUP BY i.special_category_code, r.id, r.pharmacy_id, r.sold_at");
        }
        if (traceCodes > 0) {
            parts.add("SELECT DISTINCT NULL, NULL, NULL, NULL, NULL, t.trace_code FROM registration_trace_code t"
                    + " LEFT JOIN registration_void v ON v.registration_id = t.registration_id"
                    + " WHERE v.registration_id IS NULL AND t.trace_code IN (" + marks(traceCodes) + ")");
        }
        return String.join(" UNION ALL ", parts);
    }

    private static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** The answer given to a key: written in the sale's transaction, so the key is used exactly when the sale exists. */
    record Answer(long pharmacyId, String key, String requestHash, long registrationId, String response) {
    }

    /**
     * Joins the caller's transaction. Answers false, and writes none of them, when a key was already used: the
     * primary key makes this insert wait for an uncommitted request with the same key, then fail if it committed.
     */
    @Transactional
    boolean recordAnswers(List<Answer> answers) {
        return jdbc.prepareStatement("INSERT INTO registration_request (pharmacy_id, idempotency_key, request_hash, registration_id,"
                + " response) VALUES (?,?,?,?,?)", ps -> {
            for (Answer a : answers) {
                bind(ps, List.of(a.pharmacyId(), a.key(), a.requestHash(), a.registrationId(), a.response()));
                ps.addBatch();
            }
            try {
                ps.executeBatch();
                return true;
            } catch (SQLException e) {
                // A batch reports a duplicate as BatchUpdateException, with the driver's error as its cause.
                if (e instanceof SQLIntegrityConstraintViolationException || e.getCause() instanceof SQLIntegrityConstraintViolationException) {
                    return false;
                }
                throw e;
            }
        });
    }

    // ------------------------------------------------------------------ writes

    record NewRegistration(long pharmacyId, String districtCode, long clerkId, Instant soldAt, Instant recordedAt,
                           VerifiedBuyer buyer, @Nullable String prescriptionNumber, @Nullable String prescriber,
                           @Nullable String institution, List<NewItem> items, String warnings) {
    }

    record NewItem(long drugId, String category, int quantity, String batchNumber, @Nullable Integer prescribedQuantity,
                   List<String> traceCodes) {
    }

    record NewAlert(String districtCode, long pharmacyId, @Nullable Long registrationId, String buyerIndex, String rule,
                    String severity, @Nullable String category, String detail) {
    }

    /**
     * A registration's public number was taken already (by an earlier sale, or by another of the same group): nothing
     * of the statement was written, and the caller's transaction must roll back and be tried with fresh numbers.
     */
    static final class NumberTaken extends RuntimeException {
        NumberTaken() {
            super("a registration number drawn was taken already", null, false, false);
        }
    }

    /**
     * Joins the caller's transaction: the registrations with their public numbers, items and codes, ids in the order
     * given. The registrations, their items and their codes go as one multi-row insert each (the driver rewrites each
     * batch). The ids of a multi-row insert are its first id and the ones after it: the database hands them out
     * consecutively in the auto-increment lock modes {@link AutoIncrementCheck} lets the app start with.
     *
     * @throws NumberTaken when one of the numbers is taken already
     */
    @Transactional
    long[] insert(List<NewRegistration> registrations, List<String> numbers) {
        try {
            Connection c = jdbc.getConnection();
            long[] ids = new long[registrations.size()];
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO registration (pharmacy_id, district_code, clerk_id, sold_at, recorded_at, buyer_document_type,
                        buyer_number_sealed, buyer_number_index, buyer_name_sealed, buyer_birth_date, buyer_sex,
                        prescription_number, prescriber, prescribing_institution, warnings, number)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", Statement.RETURN_GENERATED_KEYS)) {
                for (int k = 0; k < ids.length; k++) {
                    NewRegistration r = registrations.get(k);
                    VerifiedBuyer b = r.buyer();
                    ps.setLong(1, r.pharmacyId());
                    ps.setString(2, r.districtCode());
                    ps.setLong(3, r.clerkId());
                    ps.setTimestamp(4, Timestamp.from(r.soldAt()));
                    ps.setTimestamp(5, Timestamp.from(r.recordedAt()));
                    ps.setString(6, b.documentType().name());
                    ps.setString(7, b.numberSealed());
                    ps.setString(8, b.numberIndex());
                    ps.setString(9, b.nameSealed());
                    ps.setObject(10, b.birthDate() == null ? null : Date.valueOf(b.birthDate()), Types.DATE);
                    ps.setString(11, b.sex() == null ? null : b.sex().name());
                    ps.setString(12, r.prescriptionNumber());
                    ps.setString(13, r.prescriber());
                    ps.setString(14, r.institution());
                    ps.setString(15, r.warnings().isEmpty() ? null : r.warnings());
                    ps.setString(16, numbers.get(k));
                    ps.addBatch();
                }
                try {
                    ps.executeBatch();
                } catch (SQLException e) {
                    if (isDuplicateNumber(e)) {
                        throw new NumberTaken();
                    }
                    throw e;
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    for (int k = 0; k < ids.length; k++) {
                        if (!keys.next()) {
                            throw new IllegalStateException("The database returned " + k + " ids for " + ids.length + " registrations");
                        }
                        ids[k] = keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement item = c.prepareStatement("INSERT INTO registration_item (registration_id, drug_id, special_category_code,"
                    + " quantity, batch_number, prescribed_quantity) VALUES (?,?,?,?,?,?)");
                 PreparedStatement code = c.prepareStatement("INSERT INTO registration_trace_code (trace_code, registration_id) VALUES (?,?)")) {
                boolean codes = false;
                for (int k = 0; k < ids.length; k++) {
                    for (NewItem i : registrations.get(k).items()) {
                        item.setLong(1, ids[k]);
                        item.setLong(2, i.drugId());
                        item.setString(3, i.category());
                        item.setInt(4, i.quantity());
                        item.setString(5, i.batchNumber());
                        item.setObject(6, i.prescribedQuantity(), Types.INTEGER);
                        item.addBatch();
                        for (String trace : i.traceCodes()) {
                            code.setString(1, trace);
                            code.setLong(2, ids[k]);
                            code.addBatch();
                            codes = true;
                        }
                    }
                }
                item.executeBatch();
                if (codes) {
                    code.executeBatch();
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store a registration", e);
        }
    }

    /** A batch reports a duplicate as BatchUpdateException, with the driver's error (naming the key) as its cause. */
    private static boolean isDuplicateNumber(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException && String.valueOf(t.getMessage()).contains("uk_registration_number")) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    void alerts(List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO rule_alert (district_code, pharmacy_id, registration_id, buyer_number_index, rule_code,"
                + " severity, category_code, detail) VALUES (?,?,?,?,?,?,?,?)", ps -> {
            for (NewAlert a : alerts) {
                bind(ps, java.util.Arrays.asList(a.districtCode(), a.pharmacyId(), a.registrationId(), a.buyerIndex(), a.rule(),
                        a.severity(), a.category(), a.detail().length() > 255 ? a.detail().substring(0, 255) : a.detail()));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** An event for the data centre's uploader, written in the transaction of the change it reports. */
    record OutboxEvent(String aggregateType, long aggregateId, int version, String eventType, String payload) {
    }

    @Transactional
    void outbox(List<OutboxEvent> events) {
        jdbc.prepareStatement("INSERT INTO outbox (aggregate_type, aggregate_id, version, event_type, payload) VALUES (?,?,?,?,?)", ps -> {
            for (OutboxEvent e : events) {
                bind(ps, List.of(e.aggregateType(), e.aggregateId(), e.version(), e.eventType(), e.payload()));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** One void per registration: the primary key makes a second one fail rather than double-count. */
    @Transactional
    boolean insertVoid(long registrationId, long voidedBy, String reason) {
        return update("INSERT IGNORE INTO registration_void (registration_id, voided_by, reason) VALUES (?,?,?)",
                registrationId, voidedBy, reason) == 1;
    }

    // ------------------------------------------------------------------ reads

    /** One registration as read; {@code id} is internal (never shown to a pharmacy), {@code number} its public number. */
    record Row(long id, long pharmacyId, long clerkId, Instant soldAt, Instant recordedAt, VerifiedBuyer buyer,
               @Nullable String prescriptionNumber, @Nullable String warnings, @Nullable Instant voidedAt, @Nullable String voidReason,
               String number) {
    }

    record ItemRow(long registrationId, long drugId, String category, int quantity, String batchNumber, List<String> traceCodes) {
    }

    static final String ROW_COLUMNS = "r.id, r.pharmacy_id, r.clerk_id, r.sold_at, r.recorded_at, r.buyer_document_type,"
            + " r.buyer_number_sealed, r.buyer_number_index, r.buyer_name_sealed, r.buyer_birth_date, r.buyer_sex,"
            + " r.prescription_number, r.warnings, v.voided_at, v.reason, r.number";

    /** Rows of the query, with masking left to the caller (the sealed values are read, never logged). */
    @Connectable
    List<Row> rows(String sqlAfterSelect, List<Object> parameters) {
        return jdbc.prepareStatement("SELECT " + ROW_COLUMNS + " " + sqlAfterSelect, ps -> {
            bind(ps, parameters);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date birth = rs.getDate(10);
                    String sex = rs.getString(11);
                    VerifiedBuyer buyer = new VerifiedBuyer(DocumentType.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            rs.getString(9), null, null, null, birth == null ? null : birth.toLocalDate(), sex == null ? null : Sex.valueOf(sex));
                    Timestamp voided = rs.getTimestamp(14);
                    rows.add(new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), buyer, rs.getString(12), rs.getString(13),
                            voided == null ? null : voided.toInstant(), rs.getString(15), rs.getString(16)));
                }
            }
            return rows;
        });
    }

    @Connectable
    List<ItemRow> items(Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT i.registration_id, i.drug_id, i.special_category_code, i.quantity, i.batch_number,"
                + " (SELECT GROUP_CONCAT(t.trace_code ORDER BY t.trace_code) FROM registration_trace_code t"
                + "  WHERE t.registration_id = i.registration_id) FROM registration_item i WHERE i.registration_id IN (" + marks(registrationIds.size()) + ")"
                + " ORDER BY i.registration_id, i.id", ps -> {
            bind(ps, new ArrayList<>(registrationIds));
            List<ItemRow> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String codes = rs.getString(6);
                    items.add(new ItemRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            codes == null ? List.of() : List.of(codes.split(","))));
                }
            }
            return items;
        });
    }

    record DrugDay(long drugId, long registrations, long packages) {
    }

    @Connectable
    List<DrugDay> daySummary(long pharmacyId, Instant from, Instant to) {
        return jdbc.prepareStatement("""
                SELECT i.drug_id, COUNT(DISTINCT r.id), SUM(i.quantity)
                FROM registration r
                JOIN registration_item i ON i.registration_id = r.id
                LEFT JOIN registration_void v ON v.registration_id = r.id
                WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ? AND v.registration_id IS NULL
                GROUP BY i.drug_id ORDER BY SUM(i.quantity) DESC, i.drug_id""", ps -> {
            bind(ps, List.of(pharmacyId, Timestamp.from(from), Timestamp.from(to)));
            List<DrugDay> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DrugDay(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    @Connectable
    long[] dayCounts(long pharmacyId, Instant from, Instant to) {
        return jdbc.prepareStatement("SELECT COUNT(*), COUNT(v.registration_id) FROM registration r"
                + " LEFT JOIN registration_void v ON v.registration_id = r.id WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ?", ps -> {
            bind(ps, List.of(pharmacyId, Timestamp.from(from), Timestamp.from(to)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, java.util.Arrays.asList(parameters));
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            ps.setObject(i + 1, parameters.get(i));
        }
    }
}
