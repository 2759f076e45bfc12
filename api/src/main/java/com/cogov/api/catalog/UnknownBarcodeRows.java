package com.cogov.api.catalog;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.catalog.UnknownBarcodeReportView.Status;
import com.cogov.contracts.catalog.UnknownBarcodeView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queue's SQL on {@code unknown_barcode_report}: the reports of one code in one status make one row of the queue.
 * Paged newest first on the code's first report (time, then its lowest report id): that pair never changes when
 * more pharmacies report the code, so a page boundary stays put. The open queue is small (codes wait for days, not
 * years), so grouping a status's reports ({@code ix_unknown_barcode_report_status_code}) is cheap.
 */
@Singleton
class UnknownBarcodeRows {

    private static final String GROUPED = "SELECT barcode, COUNT(DISTINCT pharmacy_id) AS pharmacies,"
            + " UNIX_TIMESTAMP(MIN(reported_at)) AS first_at, UNIX_TIMESTAMP(MAX(reported_at)) AS last_at,"
            + " MIN(id) AS first_id, MAX(drug_id) AS drug_id, MAX(reject_reason) AS reject_reason,"
            + " UNIX_TIMESTAMP(MAX(resolved_at)) AS resolved_at FROM unknown_barcode_report WHERE status = ?";

    private final JdbcOperations jdbc;

    UnknownBarcodeRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UnknownBarcodeView view, long firstId) {}

    record Open(long id, long pharmacyId) {}

    List<Row> page(Status status, PageRequest page) {
        List<Object> values = new ArrayList<>(List.of(status.name()));
        String having = "";
        if (page.after() != null) {
            having = " HAVING (MIN(reported_at) < FROM_UNIXTIME(?)"
                    + " OR (MIN(reported_at) = FROM_UNIXTIME(?) AND MIN(id) < ?))";
            values.add(EpochSeconds.of(page.after().at()));
            values.add(EpochSeconds.of(page.after().at()));
            values.add(page.after().id());
        }
        values.add(page.fetchSize());
        return rows(
                status,
                GROUPED + " GROUP BY barcode" + having + " ORDER BY MIN(reported_at) DESC, MIN(id) DESC LIMIT ?",
                values);
    }

    List<Row> one(Status status, String barcode) {
        return rows(status, GROUPED + " AND barcode = ? GROUP BY barcode", List.of(status.name(), barcode));
    }

    /** The code's open reports, locked: two regulators resolving one code take turns. */
    List<Open> lockOpen(String barcode) {
        return jdbc.prepareStatement(
                "SELECT id, pharmacy_id FROM unknown_barcode_report WHERE barcode = ? AND status = 'NEW'"
                        + " ORDER BY id FOR UPDATE",
                ps -> {
                    ps.setString(1, barcode);
                    List<Open> open = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            open.add(new Open(rs.getLong(1), rs.getLong(2)));
                        }
                    }
                    return open;
                });
    }

    boolean reported(String barcode) {
        return jdbc.prepareStatement("SELECT 1 FROM unknown_barcode_report WHERE barcode = ? LIMIT 1", ps -> {
            ps.setString(1, barcode);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    void close(
            String barcode,
            Status status,
            long regulator,
            @Nullable Long drugId,
            @Nullable String reason,
            Instant now) {
        jdbc.prepareStatement(
                "UPDATE unknown_barcode_report SET status = ?, resolved_at = FROM_UNIXTIME(?), resolved_by = ?,"
                        + " drug_id = ?, reject_reason = ? WHERE barcode = ? AND status = 'NEW'",
                ps -> {
                    ps.setString(1, status.name());
                    ps.setBigDecimal(2, EpochSeconds.of(now));
                    ps.setLong(3, regulator);
                    if (drugId == null) {
                        ps.setNull(4, Types.BIGINT);
                    } else {
                        ps.setLong(4, drugId);
                    }
                    ps.setString(5, reason);
                    ps.setString(6, barcode);
                    return ps.executeUpdate();
                });
    }

    private List<Row> rows(Status status, String sql, List<Object> values) {
        List<Row> rows = jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<Row> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long drug = rs.getLong("drug_id");
                    Long drugId = rs.wasNull() ? null : drug;
                    found.add(new Row(
                            new UnknownBarcodeView(
                                    rs.getString("barcode"),
                                    status,
                                    rs.getInt("pharmacies"),
                                    EpochSeconds.instant(rs, "first_at"),
                                    EpochSeconds.instant(rs, "last_at"),
                                    List.of(),
                                    drugId,
                                    rs.getString("reject_reason"),
                                    EpochSeconds.instant(rs, "resolved_at")),
                            rs.getLong("first_id")));
                }
            }
            return found;
        });
        Map<String, List<String>> notes =
                notes(status, rows.stream().map(r -> r.view().barcode()).toList());
        return rows.stream()
                .map(r ->
                        new Row(withNotes(r.view(), notes.getOrDefault(r.view().barcode(), List.of())), r.firstId()))
                .toList();
    }

    /** The notes of these codes' reports, oldest first. */
    private Map<String, List<String>> notes(Status status, List<String> barcodes) {
        if (barcodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(
                "SELECT barcode, note FROM unknown_barcode_report WHERE status = ? AND note IS NOT NULL AND barcode IN ("
                        + String.join(",", Collections.nCopies(barcodes.size(), "?")) + ") ORDER BY reported_at, id",
                ps -> {
                    ps.setString(1, status.name());
                    for (int i = 0; i < barcodes.size(); i++) {
                        ps.setString(i + 2, barcodes.get(i));
                    }
                    Map<String, List<String>> notes = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            notes.computeIfAbsent(rs.getString(1), b -> new ArrayList<>())
                                    .add(rs.getString(2));
                        }
                    }
                    return notes;
                });
    }

    private static UnknownBarcodeView withNotes(UnknownBarcodeView v, List<String> notes) {
        return new UnknownBarcodeView(
                v.barcode(),
                v.status(),
                v.pharmacies(),
                v.firstReportedAt(),
                v.lastReportedAt(),
                List.copyOf(notes),
                v.drugId(),
                v.rejectReason(),
                v.resolvedAt());
    }
}
