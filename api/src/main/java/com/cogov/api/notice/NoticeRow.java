package com.cogov.api.notice;

import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.NoticeStatus;
import io.micronaut.core.annotation.Nullable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * A notice as stored, with whether it is out at the database's clock ({@code out}: approved and its publishing time
 * reached), so that SCHEDULED and PUBLISHED are told apart on one clock in lists and single reads alike.
 *
 * @param status DRAFT, SUBMITTED, APPROVED or WITHDRAWN
 */
record NoticeRow(
        long id,
        String title,
        String body,
        NoticeAudience audience,
        @Nullable String districtCode,
        boolean pinned,
        String status,
        @Nullable Instant publishAt,
        @Nullable Instant publishedAt,
        long authorAccountId,
        @Nullable Long approverAccountId,
        boolean out,
        Instant createdAt,
        Instant updatedAt) {

    static final String DRAFT = "DRAFT";
    static final String SUBMITTED = "SUBMITTED";
    static final String APPROVED = "APPROVED";
    static final String WITHDRAWN = "WITHDRAWN";

    static final String COLUMNS = "n.id, n.title, n.body, n.audience, n.district_code, n.pinned, n.status,"
            + " UNIX_TIMESTAMP(n.publish_at) AS publish_at, UNIX_TIMESTAMP(n.published_at) AS published_at,"
            + " n.author_account_id, n.approver_account_id,"
            + " (n.status = 'APPROVED' AND n.published_at <= CURRENT_TIMESTAMP(6)) AS out_now,"
            + " UNIX_TIMESTAMP(n.created_at) AS created_at, UNIX_TIMESTAMP(n.updated_at) AS updated_at";

    static NoticeRow of(ResultSet rs) throws SQLException {
        long approver = rs.getLong("approver_account_id");
        Long approverId = rs.wasNull() ? null : approver;
        return new NoticeRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getString("body"),
                NoticeAudience.valueOf(rs.getString("audience")),
                rs.getString("district_code"),
                rs.getBoolean("pinned"),
                rs.getString("status"),
                EpochSeconds.instant(rs, "publish_at"),
                EpochSeconds.instant(rs, "published_at"),
                rs.getLong("author_account_id"),
                approverId,
                rs.getBoolean("out_now"),
                EpochSeconds.instant(rs, "created_at"),
                EpochSeconds.instant(rs, "updated_at"));
    }

    /** The status as people see it. */
    NoticeStatus shownStatus() {
        return switch (status) {
            case DRAFT -> NoticeStatus.DRAFT;
            case SUBMITTED -> NoticeStatus.SUBMITTED;
            case WITHDRAWN -> NoticeStatus.WITHDRAWN;
            default -> out ? NoticeStatus.PUBLISHED : NoticeStatus.SCHEDULED;
        };
    }

    boolean editable() {
        return DRAFT.equals(status) || WITHDRAWN.equals(status);
    }
}
