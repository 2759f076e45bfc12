package com.cogov.api.inspection;

import com.cogov.api.job.SingleNode;
import com.cogov.api.notify.Notifier;
import com.cogov.api.shared.CityConfiguration;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rectifications' calendar, on one node of many (jobs piece): the manager is reminded once the day before a
 * rectification is due, and one left OPEN past its date is marked OVERDUE and the district told. Each is claimed by a
 * conditional UPDATE in its own transaction with its notice, so a run that stops half way, or two nodes, never remind
 * twice or lose one: the next run does what is left.
 */
@Singleton
class RectificationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RectificationSchedule.class);
    private static final int BATCH = 200;

    private final SingleNode singleNode;
    private final InspectionStore store;
    private final InspectionQueries queries;
    private final Notifier notifier;
    private final TransactionOperations<Connection> transactions;
    private final CityConfiguration city;
    private final Clock clock;

    RectificationSchedule(
            SingleNode singleNode,
            InspectionStore store,
            InspectionQueries queries,
            Notifier notifier,
            TransactionOperations<Connection> transactions,
            CityConfiguration city,
            Clock clock) {
        this.singleNode = singleNode;
        this.store = store;
        this.queries = queries;
        this.notifier = notifier;
        this.transactions = transactions;
        this.city = city;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelay = "${cogov.inspection.schedule-interval:15m}",
            initialDelay = "${cogov.inspection.schedule-initial-delay:30s}")
    void run() {
        singleNode.run("inspection.rectifications", Duration.ofMinutes(10), this::runNow);
    }

    /** @return how many reminders and overdue marks were made */
    int runNow() {
        try {
            return remindAndMark(city.today(clock));
        } catch (RuntimeException e) { // what was claimed is committed with its notice; the next run does the rest
            LOG.warn("Rectification reminders stopped, the next run goes on: {}", e.toString());
            return 0;
        }
    }

    private int remindAndMark(LocalDate today) {
        int done = 0;
        for (var due = dueTomorrow(today); !due.isEmpty(); due = dueTomorrow(today)) {
            for (InspectionStore.Due d : due) {
                done += transactions.executeWrite(status -> {
                    if (!store.claimReminder(d.inspectionId())) {
                        return 0;
                    }
                    notifier.toPharmacyManagers(
                            d.pharmacyId(), InspectionNotices.dueTomorrow(d.inspectionId(), d.dueOn()));
                    return 1;
                });
            }
        }
        for (var late = pastDue(today); !late.isEmpty(); late = pastDue(today)) {
            for (InspectionStore.Due d : late) {
                done += transactions.executeWrite(status -> {
                    if (!store.markOverdue(d.inspectionId())) {
                        return 0;
                    }
                    String name = queries.find(d.inspectionId())
                            .map(InspectionQueries.Row::pharmacyName)
                            .orElse("药店");
                    notifier.toDistrictInspectors(d.districtCode(), InspectionNotices.overdue(d.inspectionId(), name));
                    return 1;
                });
            }
        }
        if (done > 0) {
            LOG.info("Rectifications: {} reminder(s) and overdue mark(s) made", done);
        }
        return done;
    }

    private java.util.List<InspectionStore.Due> dueTomorrow(LocalDate today) {
        return transactions.executeRead(status -> store.unremindedDueOn(today.plusDays(1), BATCH));
    }

    private java.util.List<InspectionStore.Due> pastDue(LocalDate today) {
        return transactions.executeRead(status -> store.openPastDue(today, BATCH));
    }
}
