package com.cogov.api.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The pattern detection's SQL: its checkpoint, what it reads of the registrations (by id, then each buyer's sales by
 * the buyer index), and the pattern alerts it raises (by their occurrence key, so a repeat raises nothing).
 */
@Singleton
class DetectionQueries {

    private final JdbcOperations jdbc;

    DetectionQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    long checkpoint(String name) {
        return jdbc.prepareStatement("SELECT last_id FROM alert_detection_checkpoint WHERE name = ?", ps -> {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Never moves back: a run that read less than an earlier one (an overlap) leaves the checkpoint as it was. */
    @Transactional
    void advance(String name, long lastId) {
        update(
                "INSERT INTO alert_detection_checkpoint (name, last_id) VALUES (?,?) ON DUPLICATE KEY UPDATE"
                        + " last_id = GREATEST(last_id, ?), updated_at = CURRENT_TIMESTAMP(6)",
                name,
                lastId,
                lastId);
    }

    /** A registration read since the checkpoint: its id and its buyer. */
    record Fresh(long id, String buyerIndex) {}

    @ReadOnly
    List<Fresh> registrationsAfter(long afterId, int limit) {
        return jdbc.prepareStatement(
                "SELECT id, buyer_number_index FROM registration WHERE id > ? ORDER BY id LIMIT ?", ps -> {
                    ps.setLong(1, afterId);
                    ps.setInt(2, limit);
                    List<Fresh> fresh = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            fresh.add(new Fresh(rs.getLong(1), rs.getString(2)));
                        }
                    }
                    return fresh;
                });
    }

    /** A sale of a buyer, as a pattern alert shows it (its buyer still sealed). */
    record BuyerSale(
            long id,
            String buyerIndex,
            Instant soldAt,
            String districtCode,
            long pharmacyId,
            String documentType,
            String numberSealed,
            String nameSealed) {}

    /** The buyers' sales (not voided) since {@code since}, each buyer read by its blind index. */
    @ReadOnly
    List<BuyerSale> salesOf(List<String> buyers, Instant since) {
        List<Object> values = new ArrayList<>(buyers);
        values.add(since);
        return jdbc.prepareStatement(
                "SELECT r.id, r.buyer_number_index, UNIX_TIMESTAMP(r.sold_at) AS sold, r.district_code, r.pharmacy_id,"
                        + " r.buyer_document_type, r.buyer_number_sealed, r.buyer_name_sealed FROM registration r"
                        + " LEFT JOIN registration_void v ON v.registration_id = r.id"
                        + " WHERE r.buyer_number_index IN (" + AlertQueries.marks(buyers.size()) + ")"
                        + " AND r.sold_at >= " + SqlTimes.PLACEHOLDER + " AND v.registration_id IS NULL",
                ps -> {
                    SqlTimes.bind(ps, values);
                    List<BuyerSale> sales = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sales.add(new BuyerSale(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    SqlTimes.instant(rs, "sold"),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8)));
                        }
                    }
                    return sales;
                });
    }

    /**
     * The categories in which each sale, made without a prescription, reached the per-sale maximum (the drug's limit,
     * or its category's default): what PerSaleLimitRule lets a sale hold at most.
     */
    @ReadOnly
    Map<Long, Set<String>> atLimit(List<Long> registrationIds) {
        Map<Long, Set<String>> found = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return found;
        }
        return jdbc.prepareStatement(
                "SELECT i.registration_id, i.special_category_code FROM registration_item i"
                        + " JOIN registration r ON r.id = i.registration_id AND r.prescription_number IS NULL"
                        + " JOIN drug d ON d.id = i.drug_id"
                        + " JOIN special_category c ON c.code = i.special_category_code"
                        + " WHERE i.registration_id IN (" + AlertQueries.marks(registrationIds.size()) + ")"
                        + " GROUP BY i.registration_id, i.special_category_code"
                        + " HAVING MIN(COALESCE(d.per_sale_limit, c.default_per_sale_limit)) IS NOT NULL"
                        + " AND SUM(i.quantity) >= MIN(COALESCE(d.per_sale_limit, c.default_per_sale_limit))",
                ps -> {
                    SqlTimes.bind(ps, registrationIds);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getLong(1), k -> new HashSet<>())
                                    .add(rs.getString(2));
                        }
                    }
                    return found;
                });
    }

    @ReadOnly
    Map<String, String> categoryNames() {
        return jdbc.prepareStatement("SELECT code, name FROM special_category", ps -> {
            Map<String, String> names = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                }
            }
            return names;
        });
    }

    /** The alert of this pattern and subject still seen at or after {@code since}: the episode a window extends. */
    Optional<Long> episode(String rule, String subject, Instant since) {
        return jdbc.prepareStatement(
                "SELECT id FROM rule_alert WHERE rule_code = ? AND subject_key = ? AND last_seen_at >= "
                        + SqlTimes.PLACEHOLDER + " ORDER BY last_seen_at DESC LIMIT 1",
                ps -> {
                    SqlTimes.bind(ps, List.of(rule, subject, since));
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                    }
                });
    }

    /** @return the new alert's id, or empty when its occurrence was raised already */
    OptionalLong insert(PatternAlerts.Occurrence o, String occurrenceKey) {
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT IGNORE INTO rule_alert (district_code, pharmacy_id, buyer_number_index, buyer_document_type,"
                            + " buyer_number_sealed, buyer_name_sealed, rule_code, severity, category_code, detail,"
                            + " occurrence_key, subject_key, last_seen_at, occurrences)"
                            + " VALUES (?,?,?,?,?,?,?,'WARN',?,?,?,?," + SqlTimes.PLACEHOLDER + ",?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                DetectionQueries.BuyerSale b = o.buyer();
                SqlTimes.bind(
                        ps,
                        Arrays.asList(
                                o.districtCode(),
                                o.pharmacyId(),
                                b == null ? null : b.buyerIndex(),
                                b == null ? null : b.documentType(),
                                b == null ? null : b.numberSealed(),
                                b == null ? null : b.nameSealed(),
                                o.rule(),
                                o.category(),
                                o.detail().length() > 255 ? o.detail().substring(0, 255) : o.detail(),
                                occurrenceKey,
                                o.subject(),
                                o.lastSeen(),
                                Math.max(1, o.saleIds().size())));
                if (ps.executeUpdate() != 1) { // 0: ignored, the occurrence key was there
                    return OptionalLong.empty();
                }
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return OptionalLong.of(keys.getLong(1));
                }
            }
        });
    }

    /** Puts the sales behind the alert (those already there stay once) and moves its last sighting on. */
    void attach(long alertId, List<Long> saleIds, Instant lastSeen, @Nullable String detail) {
        int added = 0;
        if (!saleIds.isEmpty()) {
            List<Object> values = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            for (Long id : saleIds) {
                rows.append(rows.isEmpty() ? "" : ",").append("(?,?)");
                values.add(alertId);
                values.add(id);
            }
            added = update(
                    "INSERT IGNORE INTO rule_alert_registration (alert_id, registration_id) VALUES " + rows,
                    values.toArray());
        }
        if (added > 0) {
            update(
                    "UPDATE rule_alert SET last_seen_at = GREATEST(last_seen_at, " + SqlTimes.PLACEHOLDER + "),"
                            + " occurrences = (SELECT COUNT(*) FROM rule_alert_registration WHERE alert_id = ?),"
                            + " detail = COALESCE(?, detail), updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                    lastSeen,
                    alertId,
                    detail,
                    alertId);
        }
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            SqlTimes.bind(ps, Arrays.asList(values));
            return ps.executeUpdate();
        });
    }
}
