package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountView;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/**
 * Disable, enable and delete, by an administrator or a manager (a pharmacy's suspension: {@link PharmacyStaff}). Every change ends the account's
 * sign-ins where it must and is announced after commit, so its tokens stop working on every node within a second.
 */
@Singleton
class AccountStatusChanges {

    private final AccountRepository accounts;
    private final Sessions sessions;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final AccountViews views;
    private final ApplicationEventPublisher<AccountStatusCache.AccessChanged> announcements;
    private final Clock clock;

    AccountStatusChanges(
            AccountRepository accounts,
            Sessions sessions,
            PrivacyService privacy,
            AuditService audit,
            AccountViews views,
            ApplicationEventPublisher<AccountStatusCache.AccessChanged> announcements,
            Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.privacy = privacy;
        this.audit = audit;
        this.views = views;
        this.announcements = announcements;
        this.clock = clock;
    }

    AccountView setActive(Actor actor, Account account, boolean active, String reason) {
        accounts.updateStatus(account.id(), active ? AccountView.Status.ACTIVE : AccountView.Status.DISABLED, null);
        if (active) {
            announcements.publishEvent(new AccountStatusCache.AccessChanged(account.id()));
        } else {
            sessions.closeAll(account.id()); // which announces the change
        }
        audit.record(
                actor,
                active ? "account.enable" : "account.disable",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of("reason", privacy.redact(reason)));
        return views.view(accounts.findById(account.id()).orElseThrow());
    }

    /** After a password reset: whoever holds the old password's sign-ins is signed out everywhere. */
    void endSignIns(Account account) {
        sessions.closeAll(account.id());
    }

    /** Soft delete: the row stays so the audit trail keeps the identity it refers to. */
    void delete(Actor admin, Account account, String reason) {
        accounts.updateStatus(account.id(), AccountView.Status.DELETED, clock.instant());
        accounts.updateOpenid(account.id(), null);
        sessions.closeAll(account.id());
        audit.record(
                admin,
                "account.delete",
                "account",
                account.ref(),
                AuditOutcome.SUCCESS,
                Map.of("reason", privacy.redact(reason)));
    }
}
