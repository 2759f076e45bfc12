package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyDisabledEvent;
import com.cogov.api.pharmacy.PharmacyReopenedEvent;
import com.cogov.api.pharmacy.PharmacyTransferredEvent;
import com.cogov.api.shared.Actor;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * A pharmacy's staff follow their pharmacy, in the pharmacy's own transaction (the events are published inside it):
 * a suspension or closure disables the active ones and ends their sessions (refused on every node within a second of
 * the commit); reopening gives back exactly those, not an account disabled on its own; a transfer moves them to the
 * new district (their next token carries it).
 */
@Singleton
class PharmacyStaff {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final AuditService audit;
    private final ApplicationEventPublisher<AccountStatusCache.AccessChanged> announcements;

    PharmacyStaff(
            AccountRepository accounts,
            Sessions sessions,
            AuditService audit,
            ApplicationEventPublisher<AccountStatusCache.AccessChanged> announcements) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.announcements = announcements;
    }

    @EventListener
    void onPharmacyDisabled(PharmacyDisabledEvent event) {
        List<Long> staff = accounts.findActiveIdsByPharmacyId(event.pharmacyId());
        accounts.disableAllOfPharmacy(event.pharmacyId());
        staff.forEach(sessions::closeAll); // which announces each change after the commit
        record(event.actor(), "account.disable", event.pharmacyId(), staff.size(), "pharmacy suspended or closed");
    }

    @EventListener
    void onPharmacyReopened(PharmacyReopenedEvent event) {
        List<Long> staff = accounts.findIdsDisabledWithPharmacy(event.pharmacyId());
        accounts.enableAllDisabledWithPharmacy(event.pharmacyId());
        staff.forEach(id -> announcements.publishEvent(new AccountStatusCache.AccessChanged(id)));
        record(event.actor(), "account.enable", event.pharmacyId(), staff.size(), "pharmacy reopened");
    }

    @EventListener
    void onPharmacyTransferred(PharmacyTransferredEvent event) {
        accounts.moveStaffOfPharmacy(event.pharmacyId(), event.toDistrict());
    }

    private void record(Actor actor, String action, long pharmacyId, int accounts, String reason) {
        audit.record(
                actor,
                action,
                "pharmacy",
                String.valueOf(pharmacyId),
                AuditOutcome.SUCCESS,
                Map.of("accounts", String.valueOf(accounts), "reason", reason));
    }
}
