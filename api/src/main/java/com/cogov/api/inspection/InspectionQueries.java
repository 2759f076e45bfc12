package com.cogov.api.inspection;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.contracts.inspection.CheckResult;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.inspection.RectificationState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inspection reads. Lists are built from fixed fragments, one per filter present, values bound; each leads with
 * the column of one of V8_6's (x, recorded_at, id) indexes (district or pharmacy) and reads newest first by keyset,
 * never OFFSET. The pharmacy's name and the inspector's form of address are joined for display, as the alert
 * worklist joins the pharmacy's.
 */
@Singleton
class InspectionQueries {

    /** An inspection with what happened after it. */
    record Row(
            long id,
            long pharmacyId,
            String pharmacyName,
            String districtCode,
            String inspectorName,
            Instant recordedAt,
            String findings,
            Disposition disposition,
            @Nullable LocalDate rectifyBy,
            @Nullable String caseNumber,
            BigDecimal latitude,
            BigDecimal longitude,
            @Nullable Integer accuracyMeters,
            @Nullable Integer distanceMeters,
            boolean offSite,
            @Nullable Long supersedes,
            @Nullable Long supersededBy,
            @Nullable Instant acknowledgedAt,
            @Nullable RectificationState rectificationState,
            @Nullable LocalDate dueOn) {

        Cursor cursor() {
            return new Cursor(recordedAt, id);
        }
    }

    /** A list's filter; null fields are not filtered. overdueAsOf: only rectifications overdue on that day. */
    record Filter(
            @Nullable String districtCode,
            @Nullable Long pharmacyId,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Disposition disposition,
            @Nullable LocalDate overdueAsOf) {}

    private static final String SELECT = "SELECT i.id, i.pharmacy_id, p.name AS pharmacy_name, i.district_code,"
            + " a.display_name, UNIX_TIMESTAMP(i.recorded_at) AS recorded, i.findings, i.disposition, i.rectify_by,"
            + " i.case_number, i.latitude, i.longitude, i.accuracy_meters, i.distance_meters, i.off_site,"
            + " i.supersedes_id, n.id AS superseded_by, UNIX_TIMESTAMP(k.acknowledged_at) AS acknowledged,"
            + " r.state, r.due_on"
            + " FROM inspection i JOIN pharmacy p ON p.id = i.pharmacy_id"
            + " JOIN account a ON a.id = i.inspector_account_id"
            + " LEFT JOIN inspection n ON n.supersedes_id = i.id"
            + " LEFT JOIN inspection_acknowledgement k ON k.inspection_id = i.id"
            + " LEFT JOIN inspection_rectification_state r ON r.inspection_id = i.id";

    private final JdbcOperations jdbc;

    InspectionQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @ReadOnly
    Optional<Row> find(long id) {
        return rows(SELECT + " WHERE i.id = ?", List.of(id)).stream().findFirst();
    }

    /** Up to {@link PageRequest#fetchSize()} rows after the page's cursor, newest first. */
    @ReadOnly
    List<Row> list(Filter f, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (f.pharmacyId() != null) {
            sql.append(" AND i.pharmacy_id = ?");
            values.add(f.pharmacyId());
        }
        if (f.districtCode() != null) {
            sql.append(" AND i.district_code = ?");
            values.add(f.districtCode());
        }
        if (f.from() != null) {
            sql.append(" AND i.recorded_at >= " + InspectionSql.TIME);
            values.add(InspectionSql.epochSeconds(f.from()));
        }
        if (f.to() != null) {
            sql.append(" AND i.recorded_at < " + InspectionSql.TIME);
            values.add(InspectionSql.epochSeconds(f.to()));
        }
        if (f.disposition() != null) {
            sql.append(" AND i.disposition = ?");
            values.add(f.disposition().name());
        }
        if (f.overdueAsOf() != null) {
            sql.append(" AND (r.state = 'OVERDUE' OR (r.state = 'OPEN' AND r.due_on < ?))");
            values.add(f.overdueAsOf());
        }
        if (page.after() != null) {
            BigDecimal at = InspectionSql.epochSeconds(page.after().at());
            sql.append(" AND (i.recorded_at < " + InspectionSql.TIME + " OR (i.recorded_at = " + InspectionSql.TIME
                    + " AND i.id < ?))");
            values.add(at);
            values.add(at);
            values.add(page.after().id());
        }
        sql.append(" ORDER BY i.recorded_at DESC, i.id DESC LIMIT ?");
        values.add(page.fetchSize());
        return rows(sql.toString(), values);
    }

    @ReadOnly
    List<InspectionView.AnswerView> answers(long inspectionId) {
        return jdbc.prepareStatement(
                "SELECT item_code, label, result, note FROM inspection_answer WHERE inspection_id = ?"
                        + " ORDER BY sort_order, item_code",
                statement -> {
                    statement.setLong(1, inspectionId);
                    List<InspectionView.AnswerView> answers = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            answers.add(new InspectionView.AnswerView(
                                    rs.getString(1),
                                    rs.getString(2),
                                    CheckResult.valueOf(rs.getString(3)),
                                    rs.getString(4)));
                        }
                    }
                    return answers;
                });
    }

    /** The inspection's photos by what uses them: key 0 the inspection itself, else the rectification's id. */
    @ReadOnly
    Map<Long, List<String>> photos(long inspectionId) {
        return jdbc.prepareStatement(
                "SELECT file_id, rectification_id FROM inspection_photo WHERE inspection_id = ? ORDER BY file_id",
                statement -> {
                    statement.setLong(1, inspectionId);
                    Map<Long, List<String>> photos = new HashMap<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            long owner = rs.getLong(2); // 0 when null: the inspection's own
                            photos.computeIfAbsent(owner, k -> new ArrayList<>())
                                    .add(rs.getString(1));
                        }
                    }
                    return photos;
                });
    }

    /** The rectifications submitted, oldest first, without their photos. */
    @ReadOnly
    List<InspectionView.Submission> submissions(long inspectionId) {
        return jdbc.prepareStatement(
                "SELECT id, description, UNIX_TIMESTAMP(submitted_at), accepted, review_note,"
                        + " UNIX_TIMESTAMP(reviewed_at) FROM inspection_rectification WHERE inspection_id = ?"
                        + " ORDER BY id",
                statement -> {
                    statement.setLong(1, inspectionId);
                    List<InspectionView.Submission> found = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.add(new InspectionView.Submission(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    List.of(),
                                    InspectionSql.instant(rs.getBigDecimal(3)),
                                    rs.getObject(4, Boolean.class),
                                    rs.getString(5),
                                    InspectionSql.instant(rs.getBigDecimal(6))));
                        }
                    }
                    return found;
                });
    }

    /** Who may read a photo: the inspection (district, pharmacy) that uses it; empty while no record uses it. */
    @ReadOnly
    Optional<Row> usingPhoto(String fileId) {
        return rows(
                        SELECT + " WHERE i.id = (SELECT inspection_id FROM inspection_photo WHERE file_id = ?)",
                        List.of(fileId))
                .stream()
                .findFirst();
    }

    private List<Row> rows(String sql, List<Object> values) {
        return jdbc.prepareStatement(sql, statement -> {
            InspectionSql.bind(statement, values);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        return new Row(
                rs.getLong("id"),
                rs.getLong("pharmacy_id"),
                rs.getString("pharmacy_name"),
                rs.getString("district_code"),
                rs.getString("display_name"),
                InspectionSql.instant(rs.getBigDecimal("recorded")),
                rs.getString("findings"),
                Disposition.valueOf(rs.getString("disposition")),
                rs.getObject("rectify_by", LocalDate.class),
                rs.getString("case_number"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getObject("accuracy_meters", Integer.class),
                rs.getObject("distance_meters", Integer.class),
                rs.getBoolean("off_site"),
                rs.getObject("supersedes_id", Long.class),
                rs.getObject("superseded_by", Long.class),
                InspectionSql.instant(rs.getBigDecimal("acknowledged")),
                state == null ? null : RectificationState.valueOf(state),
                rs.getObject("due_on", LocalDate.class));
    }
}
