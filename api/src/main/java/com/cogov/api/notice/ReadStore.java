package com.cogov.api.notice;

import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.notice.NoticeReaderView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Table {@code notice_read}: the confirmations of required reading, and the pharmacies that have or have not
 * confirmed. The pharmacies a notice is for are read from the pharmacy table in one anti-join (as the alert and
 * statistics queries do): the alternative, every pharmacy of the city through the pharmacy entry, is 6,400 rows per page.
 */
@Singleton
class ReadStore {

    private final JdbcOperations jdbc;

    ReadStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reader's confirmation the first time; later ones change nothing. @return when they first confirmed */
    Instant confirm(long noticeId, long accountId, long pharmacyId) {
        jdbc.prepareStatement(
                "INSERT INTO notice_read (notice_id, account_id, pharmacy_id) VALUES (?,?,?)"
                        + " ON DUPLICATE KEY UPDATE notice_id = notice_id",
                ps -> {
                    ps.setLong(1, noticeId);
                    ps.setLong(2, accountId);
                    ps.setLong(3, pharmacyId);
                    return ps.executeUpdate();
                });
        return jdbc.prepareStatement(
                "SELECT UNIX_TIMESTAMP(read_at) AS read_at FROM notice_read WHERE notice_id = ? AND account_id = ?",
                ps -> {
                    ps.setLong(1, noticeId);
                    ps.setLong(2, accountId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return EpochSeconds.instant(rs, "read_at");
                    }
                });
    }

    /**
     * The active pharmacies the notice is for ({@code noticeDistrict} null: all), within the caller's district
     * ({@code callerDistrict} null: the city), that have ({@code read}) or have not confirmed, by pharmacy id after
     * {@code afterId}; at most {@code limit}.
     */
    List<NoticeReaderView> readers(
            long noticeId,
            @Nullable String noticeDistrict,
            @Nullable String callerDistrict,
            boolean read,
            long afterId,
            int limit) {
        List<Object> args = new ArrayList<>(List.of(noticeId));
        StringBuilder sql =
                new StringBuilder("SELECT p.id, p.name, p.district_code, MIN(UNIX_TIMESTAMP(r.read_at)) AS first_at,"
                        + " COUNT(r.account_id) AS confirmations FROM pharmacy p"
                        + " LEFT JOIN notice_read r ON r.notice_id = ? AND r.pharmacy_id = p.id"
                        + " WHERE p.status = 'ACTIVE' AND p.id > ?");
        args.add(afterId);
        scope(sql, args, noticeDistrict, callerDistrict);
        sql.append(" GROUP BY p.id, p.name, p.district_code HAVING COUNT(r.account_id) ")
                .append(read ? "> 0" : "= 0")
                .append(" ORDER BY p.id LIMIT ?");
        args.add(limit);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            NoticeLists.bind(ps, args);
            List<NoticeReaderView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int confirmations = rs.getInt("confirmations");
                    rows.add(new NoticeReaderView(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("district_code"),
                            confirmations > 0,
                            EpochSeconds.instant(rs, "first_at"),
                            confirmations));
                }
            }
            return rows;
        });
    }

    /** {pharmacies the notice is for in the caller's scope, of which confirmed}. */
    long[] count(long noticeId, @Nullable String noticeDistrict, @Nullable String callerDistrict) {
        List<Object> args = new ArrayList<>(List.of(noticeId));
        StringBuilder sql = new StringBuilder(
                "SELECT COUNT(DISTINCT p.id), COUNT(DISTINCT r.pharmacy_id) FROM pharmacy p"
                        + " LEFT JOIN notice_read r ON r.notice_id = ? AND r.pharmacy_id = p.id WHERE p.status = 'ACTIVE'");
        scope(sql, args, noticeDistrict, callerDistrict);
        return jdbc.prepareStatement(sql.toString(), ps -> {
            NoticeLists.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
    }

    private static void scope(
            StringBuilder sql, List<Object> args, @Nullable String noticeDistrict, @Nullable String callerDistrict) {
        if (noticeDistrict != null) {
            sql.append(" AND p.district_code = ?");
            args.add(noticeDistrict);
        }
        if (callerDistrict != null) {
            sql.append(" AND p.district_code = ?");
            args.add(callerDistrict);
        }
    }
}
