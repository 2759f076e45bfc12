package com.cogov.api.registration;

import com.cogov.api.shared.DuplicateKey;
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
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registration tables' writes, in plain SQL: inserts only (registrations are append-only). Every write runs in a
 * transaction of its own or joins the caller's. The reads are {@link RegistrationReads}, {@link RegistrationSearch} and
 * {@link PurchaseHistory}; the idempotency records {@link IdempotencyRecords}.
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

    record NewRegistration(
            long pharmacyId,
            String districtCode,
            long clerkId,
            Instant soldAt,
            Instant recordedAt,
            SealedBuyer buyer,
            @Nullable String prescriptionNumber,
            @Nullable String prescriber,
            @Nullable String institution,
            List<NewItem> items,
            String warnings) {}

    record NewItem(
            long drugId,
            String category,
            int quantity,
            String batchNumber,
            @Nullable Integer prescribedQuantity,
            List<String> traceCodes) {}

    /** @param subject what repeats are grouped by into one open alert (a resold trace code), or null */
    record NewAlert(
            String districtCode,
            long pharmacyId,
            @Nullable Long registrationId,
            SealedBuyer buyer,
            String rule,
            String severity,
            @Nullable String category,
            String detail,
            @Nullable String subject) {

        NewAlert(String districtCode, long pharmacyId, @Nullable Long registrationId, SealedBuyer buyer, Finding f) {
            this(
                    districtCode,
                    pharmacyId,
                    registrationId,
                    buyer,
                    f.code(),
                    f.severity().name(),
                    f.category(),
                    f.message(),
                    f.subject());
        }
    }

    /** An alert written now, with its id (for its notice). */
    record Raised(NewAlert alert, long id) {}

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
                    SealedBuyer b = r.buyer();
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
                            throw new IllegalStateException(
                                    "The database returned " + k + " ids for " + ids.length + " registrations");
                        }
                        ids[k] = keys.getLong(1);
                    }
                }
            }
            try (PreparedStatement item = c.prepareStatement(
                            // The sale's time, pharmacy and district ride on each item, for the item-side indexes of
                            // the
                            // regulator's purchase-details list (V7_2): a few bytes in the same statement.
                            "INSERT INTO registration_item (registration_id, drug_id, special_category_code,"
                                    + " quantity, batch_number, prescribed_quantity, sold_at, pharmacy_id, district_code)"
                                    + " VALUES (?,?,?,?,?,?,?,?,?)");
                    PreparedStatement code = c.prepareStatement(
                            "INSERT INTO registration_trace_code (trace_code, registration_id) VALUES (?,?)")) {
                boolean codes = false;
                for (int k = 0; k < ids.length; k++) {
                    NewRegistration r = registrations.get(k);
                    Timestamp soldAt = Timestamp.from(r.soldAt());
                    for (NewItem i : r.items()) {
                        item.setLong(1, ids[k]);
                        item.setLong(2, i.drugId());
                        item.setString(3, i.category());
                        item.setInt(4, i.quantity());
                        item.setString(5, i.batchNumber());
                        item.setObject(6, i.prescribedQuantity(), Types.INTEGER);
                        item.setTimestamp(7, soldAt);
                        item.setLong(8, r.pharmacyId());
                        item.setString(9, r.districtCode());
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
        return DuplicateKey.violated(e, "uk_registration_number");
    }

    private static final String ALERT_COLUMNS = "district_code, pharmacy_id, registration_id, buyer_number_index,"
            + " buyer_document_type, buyer_number_sealed, buyer_name_sealed, rule_code, severity, category_code, detail";

    /**
     * Joins the caller's transaction. An alert with a subject joins the open alert of its subject when there is one
     * (its key is the subject while it is open: see V7_4), with every sale of the code behind it; the others are one
     * new alert each.
     *
     * @return the alerts written as new ones (not a repeat that joined an open one), with their ids
     */
    @Transactional
    List<Raised> alerts(List<NewAlert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<Raised> raised = new ArrayList<>();
        try {
            Connection c = jdbc.getConnection();
            List<NewAlert> single =
                    alerts.stream().filter(a -> a.subject() == null).toList();
            if (!single.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_alert (" + ALERT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    for (NewAlert a : single) {
                        Statements.bind(ps, alertValues(a));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        for (NewAlert a : single) {
                            keys.next();
                            raised.add(new Raised(a, keys.getLong(1)));
                        }
                    }
                }
            }
            for (NewAlert a : alerts) {
                if (a.subject() != null) {
                    grouped(c, a).ifPresent(id -> raised.add(new Raised(a, id)));
                }
            }
            return raised;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store alerts", e);
        }
    }

    /** A repeat of a subject: the open alert counts it, or a new one opens; either way every sale of it is behind it. */
    private static Optional<Long> grouped(Connection c, NewAlert a) throws SQLException {
        String key = a.rule() + ":" + a.subject();
        Optional<Long> created = Optional.empty();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rule_alert (" + ALERT_COLUMNS + ", occurrence_key, subject_key, last_seen_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,CURRENT_TIMESTAMP(6))"
                        + " ON DUPLICATE KEY UPDATE occurrences = occurrences + 1,"
                        + " last_seen_at = CURRENT_TIMESTAMP(6), updated_at = CURRENT_TIMESTAMP(6)",
                Statement.RETURN_GENERATED_KEYS)) {
            List<Object> values = new ArrayList<>(alertValues(a));
            values.add(key);
            values.add(a.subject());
            Statements.bind(ps, values);
            if (ps.executeUpdate() == 1) { // 1: inserted, 2: an open alert of the subject counted it
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    created = Optional.of(keys.getLong(1));
                }
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("INSERT IGNORE INTO rule_alert_registration (alert_id, registration_id)"
                        + " SELECT a.id, t.registration_id FROM rule_alert a"
                        + " JOIN registration_trace_code t ON t.trace_code = a.subject_key"
                        + " WHERE a.occurrence_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
        return created;
    }

    private static List<Object> alertValues(NewAlert a) {
        SealedBuyer b = a.buyer();
        return Arrays.asList(
                a.districtCode(),
                a.pharmacyId(),
                a.registrationId(),
                b.numberIndex(),
                b.documentType().name(),
                b.numberSealed(),
                b.nameSealed(),
                a.rule(),
                a.severity(),
                a.category(),
                a.detail().length() > 255 ? a.detail().substring(0, 255) : a.detail());
    }

    /** An event for the data centre's uploader, written in the transaction of the change it reports. */
    record OutboxEvent(String aggregateType, long aggregateId, int version, String eventType, String payload) {}

    @Transactional
    void outbox(List<OutboxEvent> events) {
        jdbc.prepareStatement(
                "INSERT INTO outbox (aggregate_type, aggregate_id, version, event_type, payload) VALUES (?,?,?,?,?)",
                ps -> {
                    for (OutboxEvent e : events) {
                        Statements.bind(
                                ps,
                                List.of(e.aggregateType(), e.aggregateId(), e.version(), e.eventType(), e.payload()));
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** One void per registration: the primary key makes a second one fail rather than double-count. */
    @Transactional
    boolean insertVoid(long registrationId, long voidedBy, String reason) {
        return update(
                        "INSERT IGNORE INTO registration_void (registration_id, voided_by, reason) VALUES (?,?,?)",
                        registrationId,
                        voidedBy,
                        reason)
                == 1;
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            Statements.bind(ps, Arrays.asList(parameters));
            return ps.executeUpdate();
        });
    }
}
