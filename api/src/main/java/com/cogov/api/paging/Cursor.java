package com.cogov.api.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a page ended on a list's (time, id) order: the last row's time and id. Opaque to clients (base64url of a
 * versioned text), so the encoding can change without breaking a front end that only passes it back.
 * A query continues strictly after it: {@code WHERE (t < :at OR (t = :at AND id < :id))} for newest-first lists.
 */
public record Cursor(Instant at, long id) {

    private static final String VERSION = "c1";

    public String encode() {
        String plain = VERSION + ":" + at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    static Cursor decode(String token) {
        if (token.length() > 100) {
            throw InvalidPageException.cursor();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] parts = plain.split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw InvalidPageException.cursor();
            }
            long seconds = Long.parseLong(parts[1]);
            int nanos = Integer.parseInt(parts[2]);
            long id = Long.parseLong(parts[3]);
            if (nanos < 0 || nanos > 999_999_999 || seconds < 0 || seconds > 32_503_680_000L || id < 0) {
                throw InvalidPageException.cursor();
            }
            return new Cursor(Instant.ofEpochSecond(seconds, nanos), id);
        } catch (IllegalArgumentException e) { // bad base64 or a bad number
            throw InvalidPageException.cursor();
        }
    }
}
