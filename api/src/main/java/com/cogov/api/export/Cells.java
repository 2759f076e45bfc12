package com.cogov.api.export;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** How a value of an export row is written: numbers stay numbers, times become the city's wall-clock text. */
final class Cells {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Cells() {}

    /** Null, a Number, or text. */
    @Nullable
    static Object of(@Nullable Object value, ZoneId zone) {
        if (value == null || value instanceof Number) {
            return value;
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atZone(zone));
        }
        if (value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
            return DATE_TIME.format(((TemporalAccessor) value));
        }
        if (value instanceof LocalDateTime local) {
            return DATE_TIME.format(local);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        return value.toString();
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    /**
     * Whether a spreadsheet would take this text for a formula (CSV injection, OWASP): it starts with {@code =},
     * {@code +}, {@code -}, {@code @}, a tab or a carriage return.
     */
    static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
