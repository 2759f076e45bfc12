package com.cogov.api.notice;

import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.notice.NoticeAudience;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code notice}: one notice's writes and reads. Every status change is one conditional {@code UPDATE} on the
 * status it leaves, so two people acting at once cannot both move it. Every statement joins the caller's transaction.
 */
@Singleton
class NoticeStore {

    /** The fields an author sets. */
    record Content(
            String title,
            String body,
            NoticeAudience audience,
            @Nullable String districtCode,
            boolean pinned,
            @Nullable Instant publishAt) {}

    private final JdbcOperations jdbc;

    NoticeStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Content c, long authorAccountId) {
        String sql = "INSERT INTO notice (title, body, audience, district_code, pinned, status, publish_at,"
                + " author_account_id) VALUES (?,?,?,?,?,'DRAFT'," + EpochSeconds.PLACEHOLDER + ",?)";
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, c);
            ps.setLong(7, authorAccountId);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new DataAccessException("could not insert a notice", e);
        }
    }

    /** Writes the content of a notice still editable; false when it no longer is (someone submitted it meanwhile). */
    boolean update(long id, Content c) {
        return jdbc.prepareStatement(
                        "UPDATE notice SET title = ?, body = ?, audience = ?, district_code = ?, pinned = ?,"
                                + " publish_at = " + EpochSeconds.PLACEHOLDER + ", updated_at = CURRENT_TIMESTAMP(6)"
                                + " WHERE id = ? AND status IN ('DRAFT', 'WITHDRAWN')",
                        ps -> {
                            bind(ps, c);
                            ps.setLong(7, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    Optional<NoticeRow> find(long id) {
        return jdbc.prepareStatement("SELECT " + NoticeRow.COLUMNS + " FROM notice n WHERE n.id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(NoticeRow.of(rs)) : Optional.empty();
            }
        });
    }

    /** Moves the notice from one of {@code from} to {@code to}; false when its status was none of them. */
    boolean move(long id, List<String> from, String to) {
        String placeholders = String.join(",", from.stream().map(s -> "?").toList());
        return jdbc.prepareStatement(
                        "UPDATE notice SET status = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND status IN ("
                                + placeholders + ")",
                        ps -> {
                            ps.setString(1, to);
                            ps.setLong(2, id);
                            for (int i = 0; i < from.size(); i++) {
                                ps.setString(3 + i, from.get(i));
                            }
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /**
     * Approves a submitted notice: it is out at its publishing time, or now if that is past or was not given.
     * false when it was not SUBMITTED.
     */
    boolean approve(long id, long approverAccountId) {
        return jdbc.prepareStatement(
                        "UPDATE notice SET status = 'APPROVED', approver_account_id = ?, published_at ="
                                + " GREATEST(COALESCE(publish_at, CURRENT_TIMESTAMP(6)), CURRENT_TIMESTAMP(6)),"
                                + " updated_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND status = 'SUBMITTED'",
                        ps -> {
                            ps.setLong(1, approverAccountId);
                            ps.setLong(2, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** PHARMACIES notices that are out and whose pharmacies were not told yet, oldest first. */
    @ReadOnly
    List<Long> unannounced(int limit) {
        return jdbc.prepareStatement(
                "SELECT id FROM notice WHERE notified_at IS NULL AND status = 'APPROVED' AND audience = 'PHARMACIES'"
                        + " AND published_at <= CURRENT_TIMESTAMP(6) ORDER BY published_at, id LIMIT ?",
                ps -> {
                    ps.setInt(1, limit);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    /** Marks the notice's pharmacies told: true for exactly one caller, and only once it is out. */
    boolean markAnnounced(long id) {
        return jdbc.prepareStatement(
                        "UPDATE notice SET notified_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND notified_at IS NULL"
                                + " AND status = 'APPROVED' AND audience = 'PHARMACIES'"
                                + " AND published_at <= CURRENT_TIMESTAMP(6)",
                        ps -> {
                            ps.setLong(1, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    private static void bind(PreparedStatement ps, Content c) throws SQLException {
        ps.setString(1, c.title());
        ps.setString(2, c.body());
        ps.setString(3, c.audience().name());
        ps.setString(4, c.districtCode());
        ps.setBoolean(5, c.pinned());
        if (c.publishAt() == null) {
            ps.setNull(6, Types.DECIMAL);
        } else {
            ps.setBigDecimal(6, EpochSeconds.of(c.publishAt()));
        }
    }
}
