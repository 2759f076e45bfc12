package com.cogov.api.alert;

import com.cogov.api.paging.PageRequest;
import com.cogov.contracts.alert.AlertStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The worklist's reads and triage writes, in plain SQL. The list is assembled from fixed fragments, one per filter
 * present, values bound: each combination then leads with the column of one of the (x, created_at, id) indexes of
 * V7_4 (district, pharmacy, rule, or the whole city by time), read newest first by keyset, never OFFSET.
 */
@Singleton
class AlertQueries {

    private static final String SELECT = "SELECT a.id, a.rule_code, a.severity, a.status, a.district_code,"
            + " a.pharmacy_id, p.name AS pharmacy_name, a.category_code, a.detail, a.buyer_document_type,"
            + " a.buyer_number_sealed, a.buyer_name_sealed, r.number AS registration_number, a.occurrences,"
            + " UNIX_TIMESTAMP(a.created_at) AS created, UNIX_TIMESTAMP(a.updated_at) AS updated"
            + " FROM rule_alert a LEFT JOIN pharmacy p ON p.id = a.pharmacy_id"
            + " LEFT JOIN registration r ON r.id = a.registration_id";

    private final JdbcOperations jdbc;

    AlertQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@link PageRequest#fetchSize()} rows after the page's cursor, newest first. */
    @ReadOnly
    List<AlertRow> list(AlertFilter filter, PageRequest page) {
        Sql sql = listSql(filter, page);
        return rows(sql.text(), sql.values());
    }

    /** Alerts still to be dealt with (OPEN or REVIEWING), per pharmacy, for the pharmacies given. */
    @ReadOnly
    java.util.Map<Long, Integer> openCounts(java.util.Collection<Long> pharmacyIds) {
        String marks = String.join(",", java.util.Collections.nCopies(pharmacyIds.size(), "?"));
        return jdbc.prepareStatement(
                "SELECT pharmacy_id, COUNT(*) FROM rule_alert WHERE pharmacy_id IN (" + marks + ")"
                        + " AND status IN ('OPEN', 'REVIEWING') GROUP BY pharmacy_id",
                ps -> {
                    int i = 1;
                    for (Long id : pharmacyIds) {
                        ps.setLong(i++, id);
                    }
                    java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong(1), rs.getInt(2));
                        }
                    }
                    return counts;
                });
    }

    /** A statement and its values in order (an Instant bound as epoch seconds). */
    record Sql(String text, List<Object> values) {}

    static Sql listSql(AlertFilter filter, PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (filter.districtCode() != null) {
            where.add("a.district_code = ?");
            values.add(filter.districtCode());
        }
        if (filter.pharmacyId() != null) {
            where.add("a.pharmacy_id = ?");
            values.add(filter.pharmacyId());
        }
        if (filter.rule() != null) {
            where.add("a.rule_code = ?");
            values.add(filter.rule());
        }
        if (filter.status() != null) {
            where.add("a.status = ?");
            values.add(filter.status().name());
        }
        if (filter.from() != null) {
            where.add("a.created_at >= " + SqlTimes.PLACEHOLDER);
            values.add(filter.from());
        }
        if (filter.to() != null) {
            where.add("a.created_at < " + SqlTimes.PLACEHOLDER);
            values.add(filter.to());
        }
        if (page.after() != null) {
            where.add("(a.created_at < " + SqlTimes.PLACEHOLDER + " OR (a.created_at = " + SqlTimes.PLACEHOLDER
                    + " AND a.id < ?))");
            values.add(page.after().at());
            values.add(page.after().at());
            values.add(page.after().id());
        }
        values.add(page.fetchSize());
        String text = SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY a.created_at DESC, a.id DESC LIMIT ?";
        return new Sql(text, values);
    }

    Optional<AlertRow> find(long id) {
        return rows(SELECT + " WHERE a.id = ?", List.of(id)).stream().findFirst();
    }

    /** The alert's status, its row locked until the triage's transaction ends (two people triaging at once). */
    Optional<AlertStatus> lockStatus(long id) {
        return jdbc.prepareStatement("SELECT status FROM rule_alert WHERE id = ? FOR UPDATE", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(AlertStatus.valueOf(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /**
     * Moves the alert on. Closing an alert grouped by its subject (a trace code) frees its key, so the code's next
     * repeat opens a new alert instead of joining one already judged.
     */
    void move(long id, AlertStatus from, AlertStatus to, @Nullable String note, long accountId) {
        boolean closing = to == AlertStatus.DISMISSED || to == AlertStatus.CONFIRMED;
        update(
                "UPDATE rule_alert SET status = ?, updated_at = CURRENT_TIMESTAMP(6), occurrence_key = CASE"
                        + " WHEN ? AND subject_key IS NOT NULL AND rule_code = 'TRACE_CODE_RESOLD'"
                        + " THEN CONCAT(occurrence_key, '#', id) ELSE occurrence_key END WHERE id = ? AND status = ?",
                to.name(),
                closing,
                id,
                from.name());
        update(
                "INSERT INTO rule_alert_history (alert_id, from_status, to_status, note, actor_id) VALUES (?,?,?,?,?)",
                id,
                from.name(),
                to.name(),
                note,
                accountId);
    }

    /**
     * The sales behind an alert: its own sale, and those of a pattern or a repeated code; the latest 200 (by id), newest
     * first. Two reads, each by a key, rather than one whose OR would hide the registration's primary key.
     */
    List<SaleRow> sales(long alertId) {
        List<Long> ids = jdbc.prepareStatement(
                "(SELECT registration_id FROM rule_alert_registration WHERE alert_id = ?"
                        + " ORDER BY registration_id DESC LIMIT 200)"
                        + " UNION SELECT registration_id FROM rule_alert WHERE id = ? AND registration_id IS NOT NULL",
                ps -> {
                    ps.setLong(1, alertId);
                    ps.setLong(2, alertId);
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                });
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(
                "SELECT r.id, r.number, UNIX_TIMESTAMP(r.sold_at) AS sold, r.pharmacy_id, p.name AS pharmacy_name,"
                        + " r.district_code, r.buyer_document_type, r.buyer_number_sealed, r.buyer_name_sealed,"
                        + " v.registration_id IS NOT NULL AS voided FROM registration r"
                        + " LEFT JOIN pharmacy p ON p.id = r.pharmacy_id"
                        + " LEFT JOIN registration_void v ON v.registration_id = r.id"
                        + " WHERE r.id IN (" + marks(ids.size()) + ") ORDER BY r.sold_at DESC, r.id DESC",
                ps -> {
                    SqlTimes.bind(ps, ids);
                    List<SaleRow> sales = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            sales.add(new SaleRow(
                                    rs.getLong("id"),
                                    rs.getString("number"),
                                    SqlTimes.instant(rs, "sold"),
                                    rs.getLong("pharmacy_id"),
                                    rs.getString("pharmacy_name"),
                                    rs.getString("district_code"),
                                    rs.getString("buyer_document_type"),
                                    rs.getString("buyer_number_sealed"),
                                    rs.getString("buyer_name_sealed"),
                                    rs.getBoolean("voided")));
                        }
                    }
                    return sales;
                });
    }

    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** What each of these sales sold, e.g. {@code 新康泰克×2}, by registration id. */
    Map<Long, String> items(List<Long> registrationIds) {
        Map<Long, String> items = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return items;
        }
        return jdbc.prepareStatement(
                "SELECT i.registration_id, d.name, i.quantity FROM registration_item i JOIN drug d ON d.id = i.drug_id"
                        + " WHERE i.registration_id IN (" + marks(registrationIds.size())
                        + ") ORDER BY i.registration_id, i.id",
                ps -> {
                    SqlTimes.bind(ps, registrationIds);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            items.merge(rs.getLong(1), rs.getString(2) + "×" + rs.getInt(3), (a, b) -> a + "，" + b);
                        }
                    }
                    return items;
                });
    }

    record SaleRow(
            long id,
            String number,
            Instant soldAt,
            long pharmacyId,
            @Nullable String pharmacyName,
            String districtCode,
            String buyerDocumentType,
            String buyerNumberSealed,
            String buyerNameSealed,
            boolean voided) {}

    record StepRow(
            AlertStatus from,
            AlertStatus to,
            @Nullable String note,
            long accountId,
            @Nullable String accountName,
            Instant at) {}

    /** Every triage step of the alert, oldest first. */
    List<StepRow> history(long alertId) {
        return jdbc.prepareStatement(
                "SELECT h.from_status, h.to_status, h.note, h.actor_id, a.display_name,"
                        + " UNIX_TIMESTAMP(h.changed_at) AS changed FROM rule_alert_history h"
                        + " LEFT JOIN account a ON a.id = h.actor_id WHERE h.alert_id = ? ORDER BY h.id",
                ps -> {
                    ps.setLong(1, alertId);
                    List<StepRow> steps = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            steps.add(new StepRow(
                                    AlertStatus.valueOf(rs.getString(1)),
                                    AlertStatus.valueOf(rs.getString(2)),
                                    rs.getString(3),
                                    rs.getLong(4),
                                    rs.getString(5),
                                    SqlTimes.instant(rs, "changed")));
                        }
                    }
                    return steps;
                });
    }

    private List<AlertRow> rows(String sql, List<Object> values) {
        return jdbc.prepareStatement(sql, ps -> {
            SqlTimes.bind(ps, values);
            List<AlertRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    private static AlertRow row(ResultSet rs) throws SQLException {
        return new AlertRow(
                rs.getLong("id"),
                rs.getString("rule_code"),
                rs.getString("severity"),
                AlertStatus.valueOf(rs.getString("status")),
                rs.getString("district_code"),
                rs.getLong("pharmacy_id"),
                rs.getString("pharmacy_name"),
                rs.getString("category_code"),
                rs.getString("detail"),
                rs.getString("buyer_document_type"),
                rs.getString("buyer_number_sealed"),
                rs.getString("buyer_name_sealed"),
                rs.getString("registration_number"),
                rs.getInt("occurrences"),
                SqlTimes.instant(rs, "created"),
                SqlTimes.instant(rs, "updated"));
    }

    private void update(String sql, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            SqlTimes.bind(ps, Arrays.asList(values));
            return ps.executeUpdate();
        });
    }
}
