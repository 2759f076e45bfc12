package com.cogov.api.account;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.pharmacy.PharmacySummary;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * 账号发放 and 密码找回 for a pharmacy's manager, by the regulators (the city, or the pharmacy's district): one call that
 * creates the pharmacy's manager account when it has none, and otherwise issues that manager a new activation code
 * (replacing any outstanding one). Binding the code with {@code POST /mp/v1/auth/bind} ends the earlier binding (a
 * lost phone's sessions), so the same call serves a new manager and one who lost the phone. More managers for one
 * pharmacy are created through the account administration.
 */
@Singleton
class ManagerActivation {

    static final String DISPLAY_NAME = "店长";

    private final AccountRepository accounts;
    private final Credentials credentials;
    private final PharmacyService pharmacies;
    private final AuditService audit;

    ManagerActivation(
            AccountRepository accounts, Credentials credentials, PharmacyService pharmacies, AuditService audit) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.pharmacies = pharmacies;
        this.audit = audit;
    }

    @Transactional
    IssuedCredential issue(Actor regulator, long pharmacyId) {
        PharmacySummary pharmacy = pharmacies.openInScope(regulator, pharmacyId);
        Account manager = accounts.findByPharmacyIdAndRoleOrderById(pharmacy.id(), Role.PHARMACY_MANAGER).stream()
                .filter(a -> a.status() != AccountView.Status.DELETED)
                .findFirst()
                .orElseGet(() -> created(regulator, pharmacy));
        if (!manager.active()) {
            throw new ManagerAccountDisabledException(manager.id());
        }
        return credentials.activationCode(regulator, manager);
    }

    private Account created(Actor regulator, PharmacySummary pharmacy) {
        Account manager = accounts.save(Account.newAccount(
                Role.PHARMACY_MANAGER, DISPLAY_NAME, null, null, pharmacy.id(), pharmacy.districtCode(), null));
        audit.record(
                regulator,
                "account.create",
                "account",
                manager.ref(),
                AuditOutcome.SUCCESS,
                Map.of("role", Role.PHARMACY_MANAGER.name(), "pharmacy", String.valueOf(pharmacy.id())));
        return manager;
    }
}
