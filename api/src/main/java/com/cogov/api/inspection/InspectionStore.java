package com.cogov.api.inspection;

import com.cogov.contracts.inspection.CheckResult;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.RectificationState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inspection writes, each one statement with bound values, in the caller's transaction. The inspection and its
 * answers are inserted once and never updated; what follows it (acknowledgement, rectification, review) goes into rows
 * of its own, and a state change is one conditional UPDATE.
 */
@Singleton
class InspectionStore {

    record NewInspection(
            long pharmacyId,
            String districtCode,
            long inspectorAccountId,
            String findings,
            Disposition disposition,
            @Nullable LocalDate rectifyBy,
            @Nullable String caseNumber,
            BigDecimal latitude,
            BigDecimal longitude,
            @Nullable Integer accuracyMeters,
            @Nullable Integer distanceMeters,
            boolean offSite,
            @Nullable Long supersedes) {}

    record NewAnswer(
            String itemCode,
            String label,
            CheckResult result,
            @Nullable String note,
            int sortOrder) {}

    /** A rectification's state row, locked for the change. */
    record RectificationLock(RectificationState state, LocalDate dueOn, long pharmacyId, String districtCode) {}

    /** A reminder or an overdue mark to send. */
    record Due(long inspectionId, long pharmacyId, String districtCode, LocalDate dueOn) {}

    private final JdbcOperations jdbc;

    InspectionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewInspection i) {
        return insertReturningId(
                "INSERT INTO inspection (pharmacy_id, district_code, inspector_account_id, findings, disposition,"
                        + " rectify_by, case_number, latitude, longitude, accuracy_meters, distance_meters, off_site,"
                        + " supersedes_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                i.pharmacyId(),
                i.districtCode(),
                i.inspectorAccountId(),
                i.findings(),
                i.disposition().name(),
                i.rectifyBy(),
                i.caseNumber(),
                i.latitude(),
                i.longitude(),
                i.accuracyMeters(),
                i.distanceMeters(),
                i.offSite(),
                i.supersedes());
    }

    void insertAnswers(long inspectionId, List<NewAnswer> answers) {
        jdbc.prepareStatement(
                "INSERT INTO inspection_answer (inspection_id, item_code, label, result, note, sort_order)"
                        + " VALUES (?,?,?,?,?,?)",
                statement -> {
                    for (NewAnswer a : answers) {
                        InspectionSql.bind(
                                statement,
                                Arrays.asList(
                                        inspectionId,
                                        a.itemCode(),
                                        a.label(),
                                        a.result().name(),
                                        a.note(),
                                        a.sortOrder()));
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /** Photo ids among these that an inspection or rectification already uses. */
    List<String> photosInUse(List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(
                "SELECT file_id FROM inspection_photo WHERE file_id IN (" + InspectionSql.marks(fileIds.size()) + ")",
                statement -> {
                    InspectionSql.bind(statement, fileIds);
                    List<String> used = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            used.add(rows.getString(1));
                        }
                    }
                    return used;
                });
    }

    void attachPhotos(long inspectionId, @Nullable Long rectificationId, List<String> fileIds) {
        if (fileIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT INTO inspection_photo (file_id, inspection_id, rectification_id) VALUES (?,?,?)", statement -> {
                    for (String id : fileIds) {
                        InspectionSql.bind(statement, Arrays.asList(id, inspectionId, rectificationId));
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    void openRectification(long inspectionId, String districtCode, long pharmacyId, LocalDate dueOn) {
        update(
                "INSERT INTO inspection_rectification_state (inspection_id, district_code, pharmacy_id, due_on)"
                        + " VALUES (?,?,?,?)",
                inspectionId,
                districtCode,
                pharmacyId,
                dueOn);
    }

    /** A superseded inspection's rectification is no longer expected (unless it was already accepted). */
    void supersedeRectification(long inspectionId) {
        update(
                "UPDATE inspection_rectification_state SET state = 'SUPERSEDED', updated_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE inspection_id = ? AND state <> 'ACCEPTED'",
                inspectionId);
    }

    /** @return whether this was the first acknowledgement */
    boolean acknowledge(long inspectionId, long accountId) {
        return update(
                        "INSERT INTO inspection_acknowledgement (inspection_id, account_id) VALUES (?,?)"
                                + " ON DUPLICATE KEY UPDATE inspection_id = inspection_id",
                        inspectionId,
                        accountId)
                == 1;
    }

    Optional<RectificationLock> lockRectification(long inspectionId) {
        return jdbc.prepareStatement(
                "SELECT state, due_on, pharmacy_id, district_code FROM inspection_rectification_state"
                        + " WHERE inspection_id = ? FOR UPDATE",
                statement -> {
                    statement.setLong(1, inspectionId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next()
                                ? Optional.of(new RectificationLock(
                                        RectificationState.valueOf(rows.getString(1)),
                                        rows.getObject(2, LocalDate.class),
                                        rows.getLong(3),
                                        rows.getString(4)))
                                : Optional.empty();
                    }
                });
    }

    void setState(long inspectionId, RectificationState state) {
        update(
                "UPDATE inspection_rectification_state SET state = ?, updated_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE inspection_id = ?",
                state.name(),
                inspectionId);
    }

    long insertSubmission(long inspectionId, String description, long accountId) {
        return insertReturningId(
                "INSERT INTO inspection_rectification (inspection_id, description, submitted_by) VALUES (?,?,?)",
                inspectionId,
                description,
                accountId);
    }

    /** The verdict on the latest submission not yet reviewed; @return its id, empty if none waits */
    Optional<Long> review(long inspectionId, boolean accepted, @Nullable String note, long reviewerId) {
        Optional<Long> pending = jdbc.prepareStatement(
                "SELECT id FROM inspection_rectification WHERE inspection_id = ? AND reviewed_at IS NULL"
                        + " ORDER BY id DESC LIMIT 1",
                statement -> {
                    statement.setLong(1, inspectionId);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
                    }
                });
        pending.ifPresent(id -> update(
                "UPDATE inspection_rectification SET accepted = ?, review_note = ?, reviewed_by = ?,"
                        + " reviewed_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND reviewed_at IS NULL",
                accepted,
                note,
                reviewerId,
                id));
        return pending;
    }

    /** OPEN rectifications due on the day whose manager was not reminded yet. */
    List<Due> unremindedDueOn(LocalDate day, int limit) {
        return dues(
                "SELECT inspection_id, pharmacy_id, district_code, due_on FROM inspection_rectification_state"
                        + " WHERE state = 'OPEN' AND due_on = ? AND reminded_at IS NULL LIMIT ?",
                day,
                limit);
    }

    /** @return whether this node claimed the reminder (it is sent once, whoever runs the job) */
    boolean claimReminder(long inspectionId) {
        return update(
                        "UPDATE inspection_rectification_state SET reminded_at = CURRENT_TIMESTAMP(6)"
                                + " WHERE inspection_id = ? AND reminded_at IS NULL",
                        inspectionId)
                == 1;
    }

    /** OPEN rectifications whose date has passed: the inspector's follow-up list. */
    List<Due> openPastDue(LocalDate today, int limit) {
        return dues(
                "SELECT inspection_id, pharmacy_id, district_code, due_on FROM inspection_rectification_state"
                        + " WHERE state = 'OPEN' AND due_on < ? LIMIT ?",
                today,
                limit);
    }

    /** @return whether it was still OPEN (so only one run marks it and tells the district) */
    boolean markOverdue(long inspectionId) {
        return update(
                        "UPDATE inspection_rectification_state SET state = 'OVERDUE', updated_at = CURRENT_TIMESTAMP(6)"
                                + " WHERE inspection_id = ? AND state = 'OPEN'",
                        inspectionId)
                == 1;
    }

    private List<Due> dues(String sql, LocalDate day, int limit) {
        return jdbc.prepareStatement(sql, statement -> {
            InspectionSql.bind(statement, List.of(day, limit));
            List<Due> dues = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dues.add(new Due(
                            rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getObject(4, LocalDate.class)));
                }
            }
            return dues;
        });
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, statement -> {
            InspectionSql.bind(statement, Arrays.asList(values));
            return statement.executeUpdate();
        });
    }

    /** The connection of the caller's transaction, for the generated id (JdbcOperations has no such helper). */
    private long insertReturningId(String sql, Object... values) {
        try (var statement = jdbc.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            InspectionSql.bind(statement, Arrays.asList(values));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException(
                    "Inserting into the inspection tables failed", e);
        }
    }
}
