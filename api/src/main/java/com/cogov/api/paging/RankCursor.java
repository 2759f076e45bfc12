package com.cogov.api.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ordered by a number and then id ended: a nearest-first page by distance in metres, a search by its rank
 * (exact, prefix, contains). Holds the last row's value and id, and how many rows the pages so far held ({@code seen}),
 * which only sizes the next fetch from an index that cannot start at a value (Redis GEO): correctness rests on
 * (value, id) alone. Opaque to clients, like {@link Cursor}.
 */
public record RankCursor(double value, long id, int seen) {

    private static final String VERSION = "d1";

    public String encode() {
        String plain = VERSION + ":" + value + ":" + id + ":" + seen;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether a row lies strictly after this cursor on the (value, id) order. */
    public boolean before(double rowValue, long rowId) {
        int byValue = Double.compare(rowValue, value);
        return byValue > 0 || (byValue == 0 && rowId > id);
    }

    /** @throws InvalidPageException 400 PAGE_CURSOR_INVALID for anything this platform did not give out */
    public static RankCursor decode(String token) {
        if (token.length() > 100) {
            throw InvalidPageException.cursor();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw InvalidPageException.cursor();
            }
            double value = Double.parseDouble(parts[1]);
            long id = Long.parseLong(parts[2]);
            int seen = Integer.parseInt(parts[3]);
            if (!Double.isFinite(value) || value < 0 || id < 0 || seen < 0 || seen > 100_000) {
                throw InvalidPageException.cursor();
            }
            return new RankCursor(value, id, seen);
        } catch (IllegalArgumentException e) { // bad base64 or a bad number
            throw InvalidPageException.cursor();
        }
    }
}
