package com.cogov.api.publicsearch;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.RankCursor;
import io.micronaut.core.annotation.Nullable;

/** The parameters both searches share, read one way: limit and cursor (the paging piece), and the text. */
final class Paging {

    /** More matches than a search of the city's pharmacies or drugs by a useful text finds. */
    static final int MAX_MATCHES = 2_000;

    private Paging() {}

    static int limit(@Nullable Integer limit) {
        return PageRequest.of(limit, null).limit();
    }

    static @Nullable RankCursor cursor(@Nullable String cursor) {
        return cursor == null || cursor.isBlank() ? null : RankCursor.decode(cursor.strip());
    }

    /** The text, stripped; null when blank; 400 past 50 characters. */
    static @Nullable String text(@Nullable String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String text = q.strip();
        if (text.codePointCount(0, text.length()) > PublicSearchInvalidException.MAX_QUERY) {
            throw PublicSearchInvalidException.textTooLong();
        }
        return text;
    }

    static boolean wanted(@Nullable Boolean filter) {
        return Boolean.TRUE.equals(filter);
    }
}
