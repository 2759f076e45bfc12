package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pharmacy's daily opening hours as kept in {@code pharmacy.opening_hours}: {@code HH:MM-HH:MM} in the city's time,
 * the same every day. A closing time before the opening time runs past midnight ({@code 20:00-02:00}: open until 2 in
 * the night after); {@code 00:00-24:00} (or {@code 24小时}) is a shop that never closes. Anything else (free text an
 * older record may hold) is unknown: neither open nor closed.
 *
 * @param opens  minutes after midnight
 * @param closes minutes after midnight, 1440 for 24:00
 */
public record OpeningHours(int opens, int closes) {

    /** What the portal accepts (an empty value clears the hours). */
    public static final String FORMAT = "|24小时|([01]\\d|2[0-3]):[0-5]\\d-(([01]\\d|2[0-3]):[0-5]\\d|24:00)";

    private static final Pattern RANGE = Pattern.compile("(\\d{2}):(\\d{2})-(\\d{2}):(\\d{2})");
    private static final int DAY = 24 * 60;

    public static Optional<OpeningHours> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.equals("24小时")) {
            return Optional.of(new OpeningHours(0, DAY));
        }
        Matcher m = RANGE.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int opens = minutes(m.group(1), m.group(2));
        int closes = minutes(m.group(3), m.group(4));
        if (opens < 0 || opens >= DAY || closes < 0 || closes > DAY) {
            return Optional.empty();
        }
        return Optional.of(new OpeningHours(opens, closes));
    }

    /** Round the clock: 00:00-24:00, or opening and closing at the same minute. */
    public boolean allDay() {
        return closes - opens == DAY || closes == opens;
    }

    /** Whether it runs past midnight into the next day. */
    public boolean crossesMidnight() {
        return closes < opens;
    }

    /** Open at this time of the city's day (an opening minute counts as open, the closing minute as closed). */
    public boolean openAt(LocalTime time) {
        if (allDay()) {
            return true;
        }
        int now = time.getHour() * 60 + time.getMinute();
        return crossesMidnight() ? now >= opens || now < closes : now >= opens && now < closes;
    }

    /**
     * When the opening that {@code now} lies in ends: a duty mark lapses then. Open round the clock, or not open now:
     * the end of the city's day (midnight), so a mark set while closed still lapses the same day.
     */
    public LocalDateTime endOfOpening(LocalDateTime now) {
        LocalDate day = now.toLocalDate();
        LocalDateTime midnight = day.plusDays(1).atStartOfDay();
        if (allDay() || !openAt(now.toLocalTime())) {
            return midnight;
        }
        LocalDateTime closing = day.atStartOfDay().plusMinutes(closes);
        // Past midnight and before the closing time: the opening began yesterday and ends this morning.
        return closing.isAfter(now) ? closing : closing.plusDays(1);
    }

    private static int minutes(String hours, String minutes) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
    }
}
