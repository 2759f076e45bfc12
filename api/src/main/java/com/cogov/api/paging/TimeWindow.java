package com.cogov.api.paging;

import com.cogov.api.shared.CityConfiguration;
import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;

/**
 * A list's time filter, read one way everywhere (docs/platform.md, "Time filters"): {@code from} and {@code to} are
 * ISO-8601 instants ({@code 2026-12-03T00:00:00Z} or with an offset) or bare dates meaning 00:00 in the city that day;
 * {@code to} is exclusive, so {@code from=2026-12-01&to=2026-12-02} is the whole of 1 December; at most 366 days.
 * Every problem with them is a 400 TIME_SPAN_INVALID naming the parameter.
 *
 * @param from null when not given (only where the list allows it)
 * @param to   null when not given (only where the list allows it)
 */
public record TimeWindow(@Nullable Instant from, @Nullable Instant to) {

    public static final Duration MAX_SPAN = Duration.ofDays(366);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Year 3000: beyond it a time is a typo, and some drivers cannot store it. */
    private static final long LAST_SECOND = 32_503_680_000L;

    /** Both ends required: the record queries, whose tables are too big to read without a window. */
    public static TimeWindow required(@Nullable String from, @Nullable String to, CityConfiguration city) {
        TimeWindow window = optional(from, to, city);
        if (window.from() == null || window.to() == null) {
            throw InvalidTimeWindowException.of(window.from() == null ? "from" : "to", "请给出查询的起止时间 from 和 to");
        }
        return window;
    }

    /** Either end may be left open; when both are given they are checked as a span. */
    public static TimeWindow optional(@Nullable String from, @Nullable String to, CityConfiguration city) {
        TimeWindow window = new TimeWindow(time(from, "from", city), time(to, "to", city));
        if (window.from() != null && window.to() != null) {
            if (window.to().isBefore(window.from())) {
                throw InvalidTimeWindowException.of("to", "结束时间不能早于开始时间");
            }
            if (Duration.between(window.from(), window.to()).compareTo(MAX_SPAN) > 0) {
                throw InvalidTimeWindowException.of("to", "查询跨度不能超过366天");
            }
        }
        return window;
    }

    private static @Nullable Instant time(@Nullable String value, String name, CityConfiguration city) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            Instant instant = DATE.matcher(text).matches()
                    ? city.startOfDay(LocalDate.parse(text))
                    : OffsetDateTime.parse(text).toInstant();
            if (instant.getEpochSecond() < 0 || instant.getEpochSecond() > LAST_SECOND) {
                throw InvalidTimeWindowException.of(name, name + " 超出可查询的时间范围");
            }
            return instant;
        } catch (DateTimeException e) {
            throw InvalidTimeWindowException.of(
                    name, name + " 须为日期（如 2026-12-01，按北京时间0点）或带时区的时间（如 2026-12-01T08:00:00+08:00）");
        }
    }
}
