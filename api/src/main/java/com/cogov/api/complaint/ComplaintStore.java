package com.cogov.api.complaint;

import com.cogov.api.shared.DuplicateKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Table {@code complaint}: the cases themselves. Every statement joins the caller's transaction. */
@Singleton
class ComplaintStore {

    static final String COLUMNS = "id, tracking_number, query_code_hash, kind, linked_id, channel, filer_account_id,"
            + " category, status, outcome, district_code, target_pharmacy_id, target_name, target_address, facts, claim,"
            + " occurred_on, late_filing, complainant_name_sealed, complainant_phone_sealed,"
            + " complainant_address_sealed, received_at, received_on, decision_due, decision_due_provisional, extended,"
            + " mediation_started_on, mediation_due, mediation_due_provisional, decided_on, notice_due,"
            + " notice_due_provisional, due_date, due_flag, closed_at";

    private final JdbcOperations jdbc;

    ComplaintStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What a filing writes; the rest of a row starts empty. */
    record NewCase(
            String kind,
            String channel,
            @Nullable Long filerAccountId,
            String category,
            String status,
            String districtCode,
            @Nullable Long targetPharmacyId,
            String targetName,
            @Nullable String targetAddress,
            String facts,
            @Nullable String claim,
            @Nullable LocalDate occurredOn,
            boolean lateFiling,
            @Nullable String nameSealed,
            @Nullable String phoneSealed,
            @Nullable String phoneIndex,
            @Nullable String addressSealed,
            Instant receivedAt,
            LocalDate receivedOn,
            CaseRow.Due decision,
            boolean deadlineRunning,
            String textCheck,
            @Nullable Instant textCheckNextAt,
            boolean contentHold) {}

    /**
     * Inserts the case under a fresh tracking number; a number already taken (6 random digits a day) is drawn
     * again. @return the id and the number
     */
    Inserted insert(NewCase c, String queryCode) {
        for (int attempt = 0; ; attempt++) {
            String number = Codes.trackingNumber(c.receivedOn());
            Optional<Long> id = tryInsert(c, number, Codes.hash(number, queryCode));
            if (id.isPresent()) {
                return new Inserted(id.get(), number);
            }
            if (attempt > 20) {
                throw new IllegalStateException("no free tracking number for " + c.receivedOn());
            }
        }
    }

    record Inserted(long id, String trackingNumber) {}

    private Optional<Long> tryInsert(NewCase c, String number, String codeHash) {
        String sql =
                "INSERT INTO complaint (tracking_number, query_code_hash, kind, channel, filer_account_id, category,"
                        + " status, district_code, target_pharmacy_id, target_name, target_address, facts, claim,"
                        + " occurred_on, late_filing, complainant_name_sealed, complainant_phone_sealed,"
                        + " complainant_phone_index, complainant_address_sealed, received_at, received_on,"
                        + " decision_due, decision_due_provisional, due_date, text_check, text_check_next_at,"
                        + " content_hold) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            ps.setString(++i, number);
            ps.setString(++i, codeHash);
            ps.setString(++i, c.kind());
            ps.setString(++i, c.channel());
            setLong(ps, ++i, c.filerAccountId());
            ps.setString(++i, c.category());
            ps.setString(++i, c.status());
            ps.setString(++i, c.districtCode());
            setLong(ps, ++i, c.targetPharmacyId());
            ps.setString(++i, c.targetName());
            ps.setString(++i, c.targetAddress());
            ps.setString(++i, c.facts());
            ps.setString(++i, c.claim());
            ps.setDate(++i, c.occurredOn() == null ? null : Date.valueOf(c.occurredOn()));
            ps.setBoolean(++i, c.lateFiling());
            ps.setString(++i, c.nameSealed());
            ps.setString(++i, c.phoneSealed());
            ps.setString(++i, c.phoneIndex());
            ps.setString(++i, c.addressSealed());
            ps.setTimestamp(++i, Timestamp.from(c.receivedAt()));
            ps.setDate(++i, Date.valueOf(c.receivedOn()));
            ps.setDate(++i, Date.valueOf(c.decision().date()));
            ps.setBoolean(++i, c.decision().provisional());
            // A case held by the content check has no running deadline yet: it starts when the case is cleared.
            ps.setDate(++i, c.deadlineRunning() ? Date.valueOf(c.decision().date()) : null);
            ps.setString(++i, c.textCheck());
            ps.setTimestamp(++i, c.textCheckNextAt() == null ? null : Timestamp.from(c.textCheckNextAt()));
            ps.setBoolean(++i, c.contentHold());
            try {
                ps.executeUpdate();
            } catch (SQLException e) {
                if (DuplicateKey.violated(e, "uq_complaint_tracking_number")) {
                    return Optional.empty();
                }
                throw e;
            }
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return Optional.of(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("could not insert a complaint", e);
        }
    }

    void link(long complaintId, long reportId) {
        jdbc.prepareStatement(
                "UPDATE complaint SET linked_id = CASE id WHEN ? THEN ? ELSE ? END WHERE id IN (?,?)", ps -> {
                    ps.setLong(1, complaintId);
                    ps.setLong(2, reportId);
                    ps.setLong(3, complaintId);
                    ps.setLong(4, complaintId);
                    ps.setLong(5, reportId);
                    return ps.executeUpdate();
                });
    }

    /** Writes what a transition changes: the mutable columns of the row as given. */
    void update(CaseRow c, @Nullable Boolean closedOnTime) {
        jdbc.prepareStatement(
                "UPDATE complaint SET status = ?, outcome = ?, district_code = ?, decision_due = ?,"
                        + " decision_due_provisional = ?, extended = ?, mediation_started_on = ?, mediation_due = ?,"
                        + " mediation_due_provisional = ?, decided_on = ?, notice_due = ?, notice_due_provisional = ?,"
                        + " due_date = ?, due_flag = ?, closed_at = ?, closed_on_time = ? WHERE id = ?",
                ps -> {
                    int i = 0;
                    ps.setString(++i, c.status());
                    ps.setString(++i, c.outcome());
                    ps.setString(++i, c.districtCode());
                    ps.setDate(++i, Date.valueOf(c.decision().date()));
                    ps.setBoolean(++i, c.decision().provisional());
                    ps.setBoolean(++i, c.extended());
                    ps.setDate(++i, c.mediationStartedOn() == null ? null : Date.valueOf(c.mediationStartedOn()));
                    ps.setDate(
                            ++i,
                            c.mediation() == null
                                    ? null
                                    : Date.valueOf(c.mediation().date()));
                    ps.setBoolean(++i, c.mediation() != null && c.mediation().provisional());
                    ps.setDate(++i, c.decidedOn() == null ? null : Date.valueOf(c.decidedOn()));
                    ps.setDate(
                            ++i,
                            c.notice() == null ? null : Date.valueOf(c.notice().date()));
                    ps.setBoolean(++i, c.notice() != null && c.notice().provisional());
                    ps.setDate(++i, c.dueDate() == null ? null : Date.valueOf(c.dueDate()));
                    ps.setString(++i, c.dueFlag());
                    ps.setTimestamp(++i, c.closedAt() == null ? null : Timestamp.from(c.closedAt()));
                    if (closedOnTime == null) {
                        ps.setNull(++i, Types.BOOLEAN);
                    } else {
                        ps.setBoolean(++i, closedOnTime);
                    }
                    ps.setLong(++i, c.id());
                    return ps.executeUpdate();
                });
    }

    Optional<CaseRow> find(long id) {
        return one("SELECT " + COLUMNS + " FROM complaint WHERE id = ?", ps -> ps.setLong(1, id));
    }

    /** The case, locked for a transition: two handlers acting at once act one after the other. */
    Optional<CaseRow> lock(long id) {
        return one("SELECT " + COLUMNS + " FROM complaint WHERE id = ? FOR UPDATE", ps -> ps.setLong(1, id));
    }

    Optional<CaseRow> findByTrackingNumber(String number) {
        return one("SELECT " + COLUMNS + " FROM complaint WHERE tracking_number = ?", ps -> ps.setString(1, number));
    }

    Optional<String> trackingNumber(@Nullable Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return find(id).map(CaseRow::trackingNumber);
    }

    /** A mini-program user's own cases, newest first, keyset-paged on (received_at, id). */
    List<CaseRow> ofFiler(long accountId, @Nullable Instant afterAt, long afterId, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM complaint WHERE filer_account_id = ?"
                + (afterAt == null ? "" : " AND (received_at < ? OR (received_at = ? AND id < ?))")
                + " ORDER BY received_at DESC, id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 0;
            ps.setLong(++i, accountId);
            if (afterAt != null) {
                ps.setTimestamp(++i, Timestamp.from(afterAt));
                ps.setTimestamp(++i, Timestamp.from(afterAt));
                ps.setLong(++i, afterId);
            }
            ps.setInt(++i, limit);
            return read(ps);
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private Optional<CaseRow> one(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, ps -> {
            binder.bind(ps);
            List<CaseRow> rows = read(ps);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        });
    }

    static List<CaseRow> read(PreparedStatement ps) throws SQLException {
        List<CaseRow> rows = new java.util.ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(row(rs));
            }
        }
        return rows;
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        return new CaseRow(
                rs.getLong("id"),
                rs.getString("tracking_number"),
                rs.getString("query_code_hash"),
                rs.getString("kind"),
                nullableLong(rs, "linked_id"),
                rs.getString("channel"),
                nullableLong(rs, "filer_account_id"),
                rs.getString("category"),
                rs.getString("status"),
                rs.getString("outcome"),
                rs.getString("district_code"),
                nullableLong(rs, "target_pharmacy_id"),
                rs.getString("target_name"),
                rs.getString("target_address"),
                rs.getString("facts"),
                rs.getString("claim"),
                date(rs, "occurred_on"),
                rs.getBoolean("late_filing"),
                rs.getString("complainant_name_sealed"),
                rs.getString("complainant_phone_sealed"),
                rs.getString("complainant_address_sealed"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getDate("received_on").toLocalDate(),
                new CaseRow.Due(rs.getDate("decision_due").toLocalDate(), rs.getBoolean("decision_due_provisional")),
                rs.getBoolean("extended"),
                date(rs, "mediation_started_on"),
                due(rs, "mediation_due", "mediation_due_provisional"),
                date(rs, "decided_on"),
                due(rs, "notice_due", "notice_due_provisional"),
                date(rs, "due_date"),
                rs.getString("due_flag"),
                rs.getTimestamp("closed_at") == null
                        ? null
                        : rs.getTimestamp("closed_at").toInstant());
    }

    private static @Nullable CaseRow.Due due(ResultSet rs, String date, String provisional) throws SQLException {
        LocalDate day = date(rs, date);
        return day == null ? null : new CaseRow.Due(day, rs.getBoolean(provisional));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void setLong(PreparedStatement ps, int index, @Nullable Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
