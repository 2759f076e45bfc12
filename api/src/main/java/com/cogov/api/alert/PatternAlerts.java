package com.cogov.api.alert;

import com.cogov.api.notify.Notifier;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Raises a pattern alert, once: a window that extends an episode already alerted (the same pattern and subject, seen
 * within the window) joins that alert; otherwise a new alert is written under its occurrence key, and the district's
 * inspectors are told in the same transaction. Running a detection again therefore raises nothing again.
 */
@Singleton
class PatternAlerts {

    private final DetectionQueries queries;
    private final Notifier notifier;

    PatternAlerts(DetectionQueries queries, Notifier notifier) {
        this.queries = queries;
        this.notifier = notifier;
    }

    /**
     * One occurrence of a pattern.
     *
     * @param subject     what episodes are told apart by (a buyer's index, with a category; a pharmacy and category)
     * @param occurrence  unique to this occurrence within the subject (the id of the sale the window ends at; a day)
     * @param windowStart an alert of the subject seen since then is the same episode
     * @param buyer       the sale whose buyer the alert shows (masked), or null (a pharmacy's surge)
     */
    record Occurrence(
            String rule,
            String subject,
            String occurrence,
            String districtCode,
            long pharmacyId,
            @Nullable DetectionQueries.BuyerSale buyer,
            @Nullable String category,
            String detail,
            Instant windowStart,
            Instant lastSeen,
            List<Long> saleIds) {}

    /** @return whether a new alert was raised */
    @Transactional
    boolean raise(Occurrence o) {
        var episode = queries.episode(o.rule(), o.subject(), o.windowStart());
        if (episode.isPresent()) {
            queries.attach(episode.get(), o.saleIds(), o.lastSeen(), o.detail());
            return false;
        }
        OptionalLong created = queries.insert(o, o.rule() + ":" + o.subject() + ":" + o.occurrence());
        if (created.isEmpty()) {
            return false;
        }
        queries.attach(created.getAsLong(), o.saleIds(), o.lastSeen(), null);
        notifier.toDistrictInspectors(o.districtCode(), AlertService.notice(created.getAsLong(), o.rule()));
        return true;
    }
}
