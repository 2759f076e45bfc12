package com.cogov.api.audit;

import com.cogov.api.paging.PageRequest;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * An audit search; every filter is optional and they combine with AND. Results come newest first, a page at a time
 * on the platform's keyset paging (docs/platform: paging): {@code page} says how many and after which entry.
 *
 * @param actorAccountId who acted
 * @param action         an exact action ({@code account.login}), or every action under a prefix ({@code account.*})
 * @param targetType     kind of object acted on; {@code targetId} needs it, so that the target index applies
 * @param from           inclusive
 * @param to             exclusive
 * @param page           how many entries, and the (time, id) the previous page ended on
 * @throws InvalidAuditQueryException when a filter is malformed
 */
public record AuditQuery(
        @Nullable Long actorAccountId,
        @Nullable String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable Instant from,
        @Nullable Instant to,
        PageRequest page) {

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
    }

    boolean actionIsPrefix() {
        return action != null && action.endsWith(".*");
    }
}
