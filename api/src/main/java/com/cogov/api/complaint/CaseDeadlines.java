package com.cogov.api.complaint;

import com.cogov.api.calendar.CalendarService;
import com.cogov.api.calendar.Deadline;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.complaint.DeadlineKind;
import com.cogov.contracts.complaint.DeadlineView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The legal deadlines of complaints and reports (domain-rules.md §4), each in working days on the official calendar,
 * the day of the event not counted: a complaint's decision to accept within 7 (Art. 14), mediation's end after 45
 * (Art. 21), a report's decision on opening a case within 15, extendable once by 15 (Art. 31), and a real-name
 * reporter told within 5 of that decision.
 */
@Singleton
class CaseDeadlines {

    static final int ACCEPT_DECISION_DAYS = 7;
    static final int MEDIATION_DAYS = 45;
    static final int CASE_DECISION_DAYS = 15;
    static final int CASE_DECISION_EXTENSION_DAYS = 15;
    static final int REPORTER_NOTICE_DAYS = 5;
    /** A case is DUE_SOON when its running deadline is at most this many working days away. */
    static final int DUE_SOON_DAYS = 2;

    private final CalendarService calendar;
    private final CityConfiguration city;
    private final Clock clock;

    CaseDeadlines(CalendarService calendar, CityConfiguration city, Clock clock) {
        this.calendar = calendar;
        this.city = city;
        this.clock = clock;
    }

    LocalDate today() {
        return city.today(clock);
    }

    java.time.Instant now() {
        return clock.instant();
    }

    /** The city's date at an instant. */
    LocalDate dayOf(java.time.Instant at) {
        return city.dayOf(at);
    }

    CaseRow.Due decision(String kind, LocalDate receivedOn) {
        return due(receivedOn, CaseRow.COMPLAINT.equals(kind) ? ACCEPT_DECISION_DAYS : CASE_DECISION_DAYS);
    }

    /** The report's decision deadline extended once: 15 more working days after the first deadline. */
    CaseRow.Due extended(CaseRow.Due decision) {
        return due(decision.date(), CASE_DECISION_EXTENSION_DAYS);
    }

    CaseRow.Due mediation(LocalDate startedOn) {
        return due(startedOn, MEDIATION_DAYS);
    }

    CaseRow.Due reporterNotice(LocalDate decidedOn) {
        return due(decidedOn, REPORTER_NOTICE_DAYS);
    }

    /** DUE_SOON, OVERDUE or null for a running deadline seen today. */
    String flag(LocalDate due, LocalDate today) {
        if (today.isAfter(due)) {
            return "OVERDUE";
        }
        return calendar.workingDaysBetween(today, due) <= DUE_SOON_DAYS ? "DUE_SOON" : null;
    }

    private CaseRow.Due due(LocalDate start, int workingDays) {
        Deadline d = calendar.deadline(start, workingDays);
        return new CaseRow.Due(d.date(), d.provisional());
    }

    /** The case's deadlines as its filer and handlers see them. */
    static List<DeadlineView> views(CaseRow c) {
        List<DeadlineView> views = new ArrayList<>();
        views.add(view(c.complaint() ? DeadlineKind.ACCEPT_DECISION : DeadlineKind.CASE_DECISION, c.decision()));
        if (c.mediation() != null) {
            views.add(view(DeadlineKind.MEDIATION_END, c.mediation()));
        }
        if (c.notice() != null) {
            views.add(view(DeadlineKind.REPORTER_NOTICE, c.notice()));
        }
        return views;
    }

    private static DeadlineView view(DeadlineKind kind, CaseRow.Due due) {
        return new DeadlineView(kind, due.date(), due.provisional());
    }
}
