package com.cogov.api.paging;

import io.micronaut.core.annotation.Nullable;

/**
 * What a caller asked of a list: how many rows ({@code limit}, 1 to 200, default 50) and where the previous page ended.
 * Every list of the platform is read this way (docs/platform: paging): keyset on a stable (time, id) order, newest
 * first, never {@code OFFSET} past the first page.
 *
 * @param after null for the first page
 */
public record PageRequest(int limit, @Nullable Cursor after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** From the query string; a limit out of range or a malformed cursor is a 400 the caller can act on. */
    public static PageRequest of(@Nullable Integer limit, @Nullable String cursor) {
        int applied = limit == null ? DEFAULT_LIMIT : limit;
        if (applied < 1 || applied > MAX_LIMIT) {
            throw InvalidPageException.limit();
        }
        return new PageRequest(applied, cursor == null || cursor.isEmpty() ? null : Cursor.decode(cursor));
    }

    /** The rows to fetch: one more than the page, so the page knows whether a next one exists. */
    public int fetchSize() {
        return limit + 1;
    }
}
