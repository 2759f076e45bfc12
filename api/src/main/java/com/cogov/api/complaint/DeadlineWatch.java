package com.cogov.api.complaint;

import com.cogov.api.calendar.CalendarLoadedEvent;
import com.cogov.api.job.SingleNode;
import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks open cases DUE_SOON (their running deadline at most 2 working days away) or OVERDUE (past it), on one node of
 * many, and tells the handling district's inspectors once per case and flag. Also recomputes the provisional
 * deadlines of a year when its holiday notice is loaded (the calendar piece's event).
 */
@Singleton
class DeadlineWatch {

    private static final Duration LEASE = Duration.ofMinutes(5);
    /** Open cases are a few thousand at most; one batch per run is read by the due-date index. */
    private static final int BATCH = 2000;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final CaseDeadlines deadlines;
    private final ComplaintStore cases;
    private final Notifier notifier;
    private final SingleNode singleNode;

    DeadlineWatch(
            JdbcOperations jdbc,
            TransactionOperations<Connection> transactions,
            CaseDeadlines deadlines,
            ComplaintStore cases,
            Notifier notifier,
            SingleNode singleNode) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deadlines = deadlines;
        this.cases = cases;
        this.notifier = notifier;
        this.singleNode = singleNode;
    }

    @Scheduled(fixedDelay = "${cogov.complaint.watch-every:1h}", initialDelay = "${cogov.complaint.watch-every:1h}")
    void scheduled() {
        singleNode.run("complaint.deadlines", LEASE, this::run);
    }

    /** One pass; answers how many cases changed flag. */
    int run() {
        LocalDate today = deadlines.today();
        // everything due within the next 2 working days can be no later than 2 + holidays: two weeks covers the
        // longest holiday of the year
        LocalDate horizon = today.plusDays(14);
        return transactions.executeWrite(status -> {
            List<long[]> changed = new ArrayList<>();
            List<Object[]> rows = jdbc.prepareStatement(
                    "SELECT id, due_date, due_flag, district_code, tracking_number FROM complaint"
                            + " WHERE due_date IS NOT NULL AND due_date <= ? ORDER BY due_date LIMIT " + BATCH
                            + " FOR UPDATE",
                    ps -> {
                        ps.setDate(1, Date.valueOf(horizon));
                        List<Object[]> found = new ArrayList<>();
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                found.add(new Object[] {
                                    rs.getLong(1),
                                    rs.getDate(2).toLocalDate(),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5)
                                });
                            }
                        }
                        return found;
                    });
            int count = 0;
            for (Object[] r : rows) {
                String flag = deadlines.flag((LocalDate) r[1], today);
                if (flag == null || flag.equals(r[2])) {
                    continue;
                }
                long id = (long) r[0];
                jdbc.prepareStatement("UPDATE complaint SET due_flag = ? WHERE id = ?", ps -> {
                    ps.setString(1, flag);
                    ps.setLong(2, id);
                    return ps.executeUpdate();
                });
                notifier.toDistrictInspectors(
                        (String) r[3],
                        new Notice(
                                "complaint:" + id + ":" + flag + ":" + r[1],
                                "COMPLAINT",
                                "OVERDUE".equals(flag) ? "投诉举报已超期" : "投诉举报即将到期",
                                "受理编号 " + r[4] + " 的办理期限为 " + r[1],
                                "/complaints/" + id));
                count++;
            }
            return count;
        });
    }

    /** A loaded notice moves the deadlines counted across its year: recount the open cases' running ones. */
    @EventListener
    void recompute(CalendarLoadedEvent loaded) {
        List<Long> ids = jdbc.prepareStatement(
                "SELECT id FROM complaint WHERE due_date IS NOT NULL AND (decision_due_provisional OR"
                        + " mediation_due_provisional)",
                ps -> {
                    List<Long> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getLong(1));
                        }
                    }
                    return found;
                });
        for (long id : ids) {
            cases.find(id).ifPresent(c -> {
                CaseRow.Due decision = c.extended()
                        ? deadlines.extended(deadlines.decision(c.kind(), c.receivedOn()))
                        : deadlines.decision(c.kind(), c.receivedOn());
                CaseRow.Due mediation =
                        c.mediationStartedOn() == null ? null : deadlines.mediation(c.mediationStartedOn());
                LocalDate due = mediation != null ? mediation.date() : decision.date();
                cases.update(
                        Handling.copy(
                                c,
                                c.status(),
                                c.outcome(),
                                c.districtCode(),
                                decision,
                                c.extended(),
                                c.mediationStartedOn(),
                                mediation,
                                c.decidedOn(),
                                c.notice(),
                                due,
                                c.closedAt()),
                        null);
            });
        }
    }
}
