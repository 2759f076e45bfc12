package com.cogov.api.pharmacy;

import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView.FieldChange;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import com.cogov.contracts.pharmacy.PharmacyView;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * 药店状态变更. Suspending or closing takes the staff's sign-ins with it ({@link PharmacyDisabledEvent}: the accounts
 * are disabled and their sessions end on every node within a second, in this transaction); reopening a suspended
 * pharmacy gives back what the suspension took ({@link PharmacyReopenedEvent}), not accounts disabled on their own.
 * A closure is final.
 */
@Singleton
class PharmacyStatusChange {

    private final PharmacyRows rows;
    private final PharmacyScope scope;
    private final ChangeRecords records;
    private final PharmacyViews views;
    private final PrivacyService privacy;
    private final ApplicationEventPublisher<PharmacyDisabledEvent> disabled;
    private final ApplicationEventPublisher<PharmacyReopenedEvent> reopened;

    PharmacyStatusChange(
            PharmacyRows rows,
            PharmacyScope scope,
            ChangeRecords records,
            PharmacyViews views,
            PrivacyService privacy,
            ApplicationEventPublisher<PharmacyDisabledEvent> disabled,
            ApplicationEventPublisher<PharmacyReopenedEvent> reopened) {
        this.rows = rows;
        this.scope = scope;
        this.records = records;
        this.views = views;
        this.privacy = privacy;
        this.disabled = disabled;
        this.reopened = reopened;
    }

    @Transactional
    PharmacyView change(Actor actor, long id, PharmacyRequests.StatusChange request) {
        scope.confinedTo(actor);
        Pharmacy before = scope.lock(actor, id);
        PharmacyStatus from = before.status();
        PharmacyStatus to = request.status();
        if (!allowed(from, to)) {
            throw PharmacyChangeRefusedException.transition(from, to);
        }
        String reason = privacy.redact(request.reason().strip());
        rows.updateStatus(id, to, reason, before.version() + 1);
        if (to == PharmacyStatus.ACTIVE) {
            reopened.publishEvent(new PharmacyReopenedEvent(id, actor));
        } else {
            disabled.publishEvent(new PharmacyDisabledEvent(id, actor));
        }
        Pharmacy after = rows.find(id).orElseThrow();
        records.pharmacy(
                actor,
                after,
                PharmacyChangeKind.STATUS_CHANGED,
                List.of(new FieldChange("status", from.name(), to.name())),
                reason);
        return views.view(after, null);
    }

    /** ACTIVE ⇄ SUSPENDED, either → CLOSED; CLOSED is final, and a status is not set to itself. */
    static boolean allowed(PharmacyStatus from, PharmacyStatus to) {
        return from != to && from != PharmacyStatus.CLOSED;
    }
}
