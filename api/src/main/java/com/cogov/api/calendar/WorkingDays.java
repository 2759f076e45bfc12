package com.cogov.api.calendar;

import com.cogov.contracts.calendar.DayKind;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Working-day arithmetic on one snapshot of the official calendar (行政程序期间, domain-rules.md §4): the day an event
 * happens is not counted; a holiday is not a working day even on a weekday; a make-up working day (调休) is one even
 * on a weekend; a year whose notice is not loaded counts Monday to Friday and makes the answer provisional.
 */
final class WorkingDays {

    private final Map<LocalDate, DayKind> exceptions;
    private final Set<Integer> loadedYears;

    WorkingDays(Map<LocalDate, DayKind> exceptions, Set<Integer> loadedYears) {
        this.exceptions = Map.copyOf(exceptions);
        this.loadedYears = Set.copyOf(loadedYears);
    }

    boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    boolean loaded(int year) {
        return loadedYears.contains(year);
    }

    /** The {@code n}-th working day after {@code start} (n ≥ 1). */
    Deadline after(LocalDate start, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a deadline counts at least one working day: " + n);
        }
        boolean provisional = false;
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            provisional |= !loaded(day.getYear());
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return new Deadline(day, provisional);
    }

    /** How many working days lie after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    int between(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
