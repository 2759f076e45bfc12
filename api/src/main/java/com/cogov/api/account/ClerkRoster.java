package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** A pharmacy manager's clerks: list, add (with an activation code), disable and enable, reissue a code. */
@Singleton
class ClerkRoster {

    private final AccountRepository accounts;
    private final Credentials credentials;
    private final AccountStatusChanges statusChanges;
    private final AuditService audit;
    private final AccountViews views;

    ClerkRoster(
            AccountRepository accounts,
            Credentials credentials,
            AccountStatusChanges statusChanges,
            AuditService audit,
            AccountViews views) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.statusChanges = statusChanges;
        this.audit = audit;
        this.views = views;
    }

    @ReadOnly
    List<AccountView> clerks(Actor manager) {
        manager.requireRole(Role.PHARMACY_MANAGER);
        return views.viewAll(
                accounts.findByPharmacyIdAndRoleOrderById(manager.pharmacyId(), Role.PHARMACY_CLERK).stream()
                        .filter(a -> a.status() != AccountView.Status.DELETED)
                        .toList());
    }

    @ReadOnly
    List<AccountView> staffOf(long pharmacyId) {
        return views.viewAll(accounts.findByPharmacyIdOrderById(pharmacyId).stream()
                .filter(a -> a.role() == Role.PHARMACY_MANAGER || a.role() == Role.PHARMACY_CLERK)
                .filter(a -> a.status() != AccountView.Status.DELETED)
                .toList());
    }

    @Transactional
    IssuedCredential addClerk(Actor manager, String displayName) {
        manager.requireRole(Role.PHARMACY_MANAGER);
        Account clerk = accounts.save(Account.newAccount(
                Role.PHARMACY_CLERK,
                displayName.strip(),
                null,
                null,
                manager.pharmacyId(),
                manager.districtCode(),
                null));
        audit.record(
                manager,
                "account.create",
                "account",
                clerk.ref(),
                AuditOutcome.SUCCESS,
                Map.of("role", Role.PHARMACY_CLERK.name()));
        return credentials.activationCode(manager, clerk);
    }

    @Transactional
    AccountView setClerkActive(Actor manager, long clerkId, boolean active, String reason) {
        return statusChanges.setActive(manager, clerkOf(manager, clerkId), active, reason);
    }

    @Transactional
    IssuedCredential reissueClerkCode(Actor manager, long clerkId) {
        return credentials.activationCode(manager, clerkOf(manager, clerkId));
    }

    /** Scope in the query: a manager only ever finds clerks of their own pharmacy; anyone else's is a 404. */
    private Account clerkOf(Actor manager, long clerkId) {
        manager.requireRole(Role.PHARMACY_MANAGER);
        return accounts.findByIdAndPharmacyId(clerkId, manager.pharmacyId())
                .filter(a -> a.role() == Role.PHARMACY_CLERK && a.status() != AccountView.Status.DELETED)
                .orElseThrow(() -> new AccountNotFoundException(clerkId));
    }
}
