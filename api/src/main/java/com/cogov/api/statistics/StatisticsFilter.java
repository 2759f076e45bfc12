package com.cogov.api.statistics;

import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The statistics route's parameters, checked, with the caller's scope applied: the one parser of the route and of
 * the STATISTICS export, so both refuse the same input with the same codes. Statistics count whole China days: from
 * {@code from}'s day through {@code to}'s day, both included (a bare date is that day).
 *
 * @param districtCode null for the whole city (a city administrator who named none)
 */
record StatisticsFilter(
        GroupBy groupBy,
        LocalDate from,
        LocalDate to,
        @Nullable String districtCode) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    enum GroupBy {
        DAY("日期"),
        DISTRICT("行政区"),
        PHARMACY("药店"),
        DRUG("药品"),
        CATEGORY("类别");

        final String title;

        GroupBy(String title) {
            this.title = title;
        }

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static StatisticsFilter parse(
            Actor actor, Map<String, String> parameters, CityConfiguration city, Clock clock, Set<String> districts) {
        String district = scope(actor, parameters.get("districtCode"), districts);
        GroupBy groupBy = groupBy(parameters.get("groupBy"));
        String fromText = parameters.get("from");
        String toText = parameters.get("to");
        LocalDate to = blank(toText) ? city.today(clock) : day("to", toText, city);
        LocalDate from = blank(fromText) ? to.minusDays(DEFAULT_DAYS - 1) : day("from", fromText, city);
        if (to.isBefore(from)) {
            throw StatisticsQueryException.span("结束时间不能早于开始时间");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw StatisticsQueryException.span("统计跨度不能超过" + MAX_DAYS + "天，请缩短时间范围");
        }
        return new StatisticsFilter(groupBy, from, to, district);
    }

    /**
     * Who may see which numbers: the city administrator the city or one district; a district inspector their own
     * district only (another, or an unknown one, is 404); everyone else nothing (403).
     */
    static @Nullable String scope(Actor actor, @Nullable String asked, Set<String> districts) {
        Role role = actor.role();
        if (role != Role.CITY_ADMIN && role != Role.DISTRICT_INSPECTOR) {
            throw new AccessDeniedException("统计数据仅向市、区监管人员开放");
        }
        if (!blank(asked) && !asked.matches("\\d{6}")) {
            throw StatisticsQueryException.invalid("districtCode", "行政区代码须为6位数字，如 420106");
        }
        if (role == Role.DISTRICT_INSPECTOR) {
            if (!blank(asked) && !asked.equals(actor.districtCode())) {
                throw StatisticsQueryException.districtNotFound();
            }
            return actor.districtCode();
        }
        if (blank(asked)) {
            return null;
        }
        if (!districts.contains(asked)) {
            throw StatisticsQueryException.districtNotFound();
        }
        return asked;
    }

    private static GroupBy groupBy(@Nullable String text) {
        if (blank(text)) {
            return GroupBy.DAY;
        }
        for (GroupBy g : GroupBy.values()) {
            if (g.wire().equals(text)) {
                return g;
            }
        }
        throw StatisticsQueryException.invalid(
                "groupBy", "不支持的统计维度 " + text + "，可选 day、district、pharmacy、drug、category");
    }

    /** A bare date, or an instant (with Z or an offset) read as the China day it falls on. */
    static LocalDate day(String field, String text, CityConfiguration city) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            return city.dayOf(
                    text.endsWith("Z")
                            ? Instant.parse(text)
                            : OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            throw StatisticsQueryException.invalid(
                    field, field + " 须为日期（2026-12-03）或带时区的时间（2026-12-03T00:00:00+08:00）");
        }
    }

    String description(@Nullable String districtName) {
        return from + "至" + to + "，" + (districtName == null ? "全市" : districtName) + "，按" + groupBy.title + "统计";
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
