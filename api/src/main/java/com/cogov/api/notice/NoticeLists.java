package com.cogov.api.notice;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.NoticeStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lists of notices, built from fixed fragments with bound values. The desk's list is newest first on (created_at,
 * id). Readers' lists are pinned first, then newest published first, on (pinned, published_at, id): the cursor of the
 * paging piece holds the last row's (published_at, id), and its pinned flag is read back by id, which is sound because
 * a notice cannot change once approved (only be withdrawn).
 */
@Singleton
class NoticeLists {

    /** A published notice with the signed-in reader's confirmation, if any. */
    record Published(NoticeRow notice, @Nullable Instant confirmedAt) {}

    /** Who reads: which audience, which districts ({@code null}: every district), which reader confirms. */
    record Reader(
            NoticeAudience audience,
            @Nullable String districtCode,
            @Nullable Long accountId) {}

    private final JdbcOperations jdbc;

    NoticeLists(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The desk: {@code districtCode} null for the whole city, else that district's notices only. */
    List<NoticeRow> desk(@Nullable String districtCode, @Nullable NoticeStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT " + NoticeRow.COLUMNS + " FROM notice n WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (districtCode != null) {
            sql.append(" AND n.district_code = ?");
            args.add(districtCode);
        }
        if (status != null) {
            sql.append(
                    switch (status) {
                        case DRAFT -> " AND n.status = 'DRAFT'";
                        case SUBMITTED -> " AND n.status = 'SUBMITTED'";
                        case WITHDRAWN -> " AND n.status = 'WITHDRAWN'";
                        case SCHEDULED -> " AND n.status = 'APPROVED' AND n.published_at > CURRENT_TIMESTAMP(6)";
                        case PUBLISHED -> " AND n.status = 'APPROVED' AND n.published_at <= CURRENT_TIMESTAMP(6)";
                    });
        }
        if (page.after() != null) {
            String at = EpochSeconds.PLACEHOLDER;
            sql.append(" AND (n.created_at < " + at + " OR (n.created_at = " + at + " AND n.id < ?))");
            args.add(EpochSeconds.of(page.after().at()));
            args.add(EpochSeconds.of(page.after().at()));
            args.add(page.after().id());
        }
        sql.append(" ORDER BY n.created_at DESC, n.id DESC LIMIT ?");
        args.add(page.fetchSize());
        return jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, args);
            List<NoticeRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(NoticeRow.of(rs));
                }
            }
            return rows;
        });
    }

    /** A published notice's place on the readers' order, for its cursor. */
    static Cursor readingCursor(Published p) {
        return new Cursor(p.notice().publishedAt(), p.notice().id());
    }

    List<Published> published(Reader reader, PageRequest page) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        select(reader, sql, args);
        if (page.after() != null) {
            boolean afterPinned = pinned(page.after().id());
            String at = EpochSeconds.PLACEHOLDER;
            String older = "(n.published_at < " + at + " OR (n.published_at = " + at + " AND n.id < ?))";
            sql.append(afterPinned ? " AND (n.pinned = FALSE OR " + older + ")" : " AND n.pinned = FALSE AND " + older);
            args.add(EpochSeconds.of(page.after().at()));
            args.add(EpochSeconds.of(page.after().at()));
            args.add(page.after().id());
        }
        sql.append(" ORDER BY n.pinned DESC, n.published_at DESC, n.id DESC LIMIT ?");
        args.add(page.fetchSize());
        return query(sql.toString(), args);
    }

    Optional<Published> publishedOne(Reader reader, long id) {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        select(reader, sql, args);
        sql.append(" AND n.id = ?");
        args.add(id);
        return query(sql.toString(), args).stream().findFirst();
    }

    private static void select(Reader reader, StringBuilder sql, List<Object> args) {
        sql.append("SELECT " + NoticeRow.COLUMNS + ", UNIX_TIMESTAMP(r.read_at) AS confirmed_at FROM notice n")
                .append(" LEFT JOIN notice_read r ON r.notice_id = n.id AND r.account_id = ?")
                .append(" WHERE n.status = 'APPROVED' AND n.published_at <= CURRENT_TIMESTAMP(6) AND n.audience = ?");
        args.add(reader.accountId() == null ? -1L : reader.accountId());
        args.add(reader.audience().name());
        if (reader.districtCode() != null) {
            sql.append(" AND (n.district_code IS NULL OR n.district_code = ?)");
            args.add(reader.districtCode());
        }
    }

    /** The pinned flag of the row a cursor names; a cursor naming no notice was not ours. */
    private boolean pinned(long id) {
        return jdbc.prepareStatement("SELECT pinned FROM notice WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new com.cogov.api.shared.CogovException(
                            com.cogov.contracts.error.ErrorCode.PAGE_CURSOR_INVALID,
                            com.cogov.contracts.error.ErrorCode.PAGE_CURSOR_INVALID.title());
                }
                return rs.getBoolean(1);
            }
        });
    }

    private List<Published> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<Published> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Published(NoticeRow.of(rs), EpochSeconds.instant(rs, "confirmed_at")));
                }
            }
            return rows;
        });
    }

    static void bind(java.sql.PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }
}
