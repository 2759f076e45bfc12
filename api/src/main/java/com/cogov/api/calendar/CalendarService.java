package com.cogov.api.calendar;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.calendar.CalendarDayView;
import com.cogov.contracts.calendar.CalendarYearView;
import com.cogov.contracts.calendar.DayKind;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calendar piece (docs/platform.md): legal deadlines in working days on the official calendar, the State
 * Council's yearly holiday notice with its make-up working days (调休) kept as data. Every feature with a deadline in
 * working days asks here; none counts weekdays itself.
 *
 * <p>The calendar is a few dozen rows a year, so each node holds it in memory and re-reads it at most a minute after
 * another node loads a year ({@link #REFRESH}); the node that loads it refreshes at once.
 */
@Singleton
public class CalendarService {

    static final Duration REFRESH = Duration.ofMinutes(1);

    /** What a caller passes for a year it could not read as a number: refused like any year out of range. */
    public static final int NOT_A_YEAR = -1;

    private final CalendarDays days;
    private final AuditService audit;
    private final ApplicationEventPublisher<CalendarLoadedEvent> loaded;
    private final Clock clock;
    private volatile WorkingDays snapshot;
    private volatile Instant readAt = Instant.MIN;

    CalendarService(
            CalendarDays days, AuditService audit, ApplicationEventPublisher<CalendarLoadedEvent> loaded, Clock clock) {
        this.days = days;
        this.audit = audit;
        this.loaded = loaded;
        this.clock = clock;
    }

    /** The {@code workingDays}-th working day after {@code start}; {@code start} itself is not counted. */
    public Deadline deadline(LocalDate start, int workingDays) {
        return calendar().after(start, workingDays);
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not later). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar().between(from, to);
    }

    public boolean isWorkingDay(LocalDate day) {
        return calendar().isWorkingDay(day);
    }

    /** A year's exceptions to Monday–Friday, for anyone signed in to the portal. */
    public CalendarYearView year(int year) {
        requireYear(year);
        return new CalendarYearView(year, !days.loaded(year), days.year(year));
    }

    /**
     * Loads (or replaces) a year's holiday notice: city administrators only. Deadlines falling in the year are
     * recomputed by the features that keep them, on {@link CalendarLoadedEvent}, in this transaction.
     */
    @Transactional
    public CalendarYearView load(Actor admin, int year, List<CalendarDayView> notice) {
        if (admin.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以导入节假日安排");
        }
        requireYear(year);
        List<CalendarDayView> sorted = validated(year, notice);
        days.replace(year, sorted, admin.accountId());
        audit.record(
                admin,
                "calendar.load",
                "calendar-year",
                String.valueOf(year),
                AuditOutcome.SUCCESS,
                Map.of("days", String.valueOf(sorted.size())));
        readAt = Instant.MIN;
        loaded.publishEvent(new CalendarLoadedEvent(year));
        return new CalendarYearView(year, false, sorted);
    }

    private static List<CalendarDayView> validated(int year, List<CalendarDayView> notice) {
        Set<LocalDate> seen = new HashSet<>();
        for (CalendarDayView day : notice) {
            if (day.date().getYear() != year) {
                throw new CalendarInvalidException(day.date() + " 不在 " + year + " 年内");
            }
            if (!seen.add(day.date())) {
                throw new CalendarInvalidException(day.date() + " 出现了两次，每天只能是放假或调休上班之一");
            }
            DayOfWeek dow = day.date().getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            if (day.kind() == DayKind.WORKDAY && !weekend) {
                throw new CalendarInvalidException(day.date() + " 是工作日，调休上班日只能是周六或周日");
            }
        }
        return notice.stream()
                .sorted(Comparator.comparing(CalendarDayView::date))
                .toList();
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw CalendarInvalidException.yearOutOfRange(year);
        }
    }

    private WorkingDays calendar() {
        Instant now = clock.instant();
        WorkingDays current = snapshot;
        if (current == null || readAt.plus(REFRESH).isBefore(now)) {
            current = days.snapshot();
            snapshot = current;
            readAt = now;
        }
        return current;
    }
}
