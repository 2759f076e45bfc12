package com.cogov.api.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Table {@code complaint_event}: a case's timeline. Every statement joins the caller's transaction. */
@Singleton
class TimelineStore {

    /** One step. {@code note} is the handlers' own; {@code publicText} is what the filer is told. */
    record Step(
            long id,
            Instant at,
            @Nullable Long actorAccountId,
            String action,
            @Nullable String fromStatus,
            @Nullable String toStatus,
            @Nullable String note,
            @Nullable String publicText) {}

    private final JdbcOperations jdbc;

    TimelineStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void append(
            long complaintId,
            @Nullable Long actorAccountId,
            String action,
            @Nullable String fromStatus,
            @Nullable String toStatus,
            @Nullable String note,
            @Nullable String publicText) {
        jdbc.prepareStatement(
                "INSERT INTO complaint_event (complaint_id, actor_account_id, action, from_status, to_status, note,"
                        + " public_text) VALUES (?,?,?,?,?,?,?)",
                ps -> {
                    ps.setLong(1, complaintId);
                    ComplaintStore.setLong(ps, 2, actorAccountId);
                    ps.setString(3, action);
                    ps.setString(4, fromStatus);
                    ps.setString(5, toStatus);
                    ps.setString(6, note);
                    ps.setString(7, publicText);
                    return ps.executeUpdate();
                });
    }

    /** The case's steps in order; a case has tens, not thousands. */
    List<Step> of(long complaintId) {
        return jdbc.prepareStatement(
                "SELECT id, at, actor_account_id, action, from_status, to_status, note, public_text"
                        + " FROM complaint_event WHERE complaint_id = ? ORDER BY id",
                ps -> {
                    ps.setLong(1, complaintId);
                    List<Step> steps = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long actor = rs.getLong(3);
                            Long actorId = rs.wasNull() ? null : actor;
                            steps.add(new Step(
                                    rs.getLong(1),
                                    rs.getTimestamp(2).toInstant(),
                                    actorId,
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8)));
                        }
                    }
                    return steps;
                });
    }
}
