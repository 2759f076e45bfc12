package com.cogov.api.audit;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An audit search; every filter is optional and they combine with AND. Results come newest first.
 *
 * @param actorAccountId who acted
 * @param action         an exact action ({@code account.login}), or every action under a prefix ({@code account.*})
 * @param targetType     kind of object acted on; {@code targetId} needs it, so that the target index applies
 * @param from           inclusive
 * @param to             exclusive
 * @param page           0-based
 * @param size           1 to {@value #MAX_SIZE}
 * @throws InvalidAuditQueryException when a filter is malformed or the page is out of range
 */
public record AuditQuery(
        @Nullable Long actorAccountId,
        @Nullable String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable Instant from,
        @Nullable Instant to,
        int page,
        int size) {

    public static final int MAX_SIZE = 200;
    /** Deep offsets get slow; a search that needs more pages should narrow its time window instead. */
    public static final int MAX_PAGE = 10_000;
    // Only the shapes an action can take, so a prefix needs no LIKE escaping: no '%' or '_' gets through.
    private static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z-]+)*(\\.\\*)?");

    public AuditQuery {
        if (action != null && (action.length() > 64 || !ACTION.matcher(action).matches())) {
            throw InvalidAuditQueryException.of("action", "操作名称格式不正确，例如 account.login 或 account.*");
        }
        if (targetId != null && targetType == null) {
            throw InvalidAuditQueryException.of("targetType", "按对象编号查询时须同时指定对象类型");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw InvalidAuditQueryException.of("from", "开始时间须早于结束时间");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw InvalidAuditQueryException.of("page", "页码须在 0 到 " + MAX_PAGE + " 之间");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidAuditQueryException.of("size", "每页条数须在 1 到 " + MAX_SIZE + " 之间");
        }
    }

    /** No filter: the whole trail, newest first. */
    public static AuditQuery everything(int page, int size) {
        return new AuditQuery(null, null, null, null, null, null, page, size);
    }

    boolean actionIsPrefix() {
        return action != null && action.endsWith(".*");
    }
}
