package com.cogov.api.crossborder;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.crossborder.CrossBorderRequests;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Map;

/** The bureau keeps the register: registers, corrects and revokes (the city administrator only). */
@Singleton
class Register {

    private final PharmacistStore store;
    private final PharmacyService pharmacies;
    private final AuditService audit;

    Register(PharmacistStore store, PharmacyService pharmacies, AuditService audit) {
        this.store = store;
        this.pharmacies = pharmacies;
        this.audit = audit;
    }

    @Transactional
    long create(Actor actor, CrossBorderRequests.Create r) {
        actor.requireRole(Role.CITY_ADMIN);
        PharmacistStore.Fields fields = checked(new PharmacistStore.Fields(
                r.nameZh().strip(),
                r.namePt().strip(),
                r.licenseNumber().strip(),
                r.pharmacyId(),
                r.validFrom(),
                r.validTo()));
        long id = store.insert(fields);
        record(actor, "crossborder.register", id, fields);
        return id;
    }

    @Transactional
    void edit(Actor actor, long id, CrossBorderRequests.Edit r) {
        actor.requireRole(Role.CITY_ADMIN);
        PharmacistRow row = store.find(id).orElseThrow(CrossBorderNotFoundException::new);
        if (row.revokedAt() != null) {
            throw CrossBorderRefusedException.revoked();
        }
        PharmacistStore.Fields fields = checked(new PharmacistStore.Fields(
                r.nameZh() == null ? row.nameZh() : r.nameZh().strip(),
                r.namePt() == null ? row.namePt() : r.namePt().strip(),
                r.licenseNumber() == null
                        ? row.licenseNumber()
                        : r.licenseNumber().strip(),
                r.pharmacyId() == null ? row.pharmacyId() : r.pharmacyId(),
                r.validFrom() == null ? row.validFrom() : r.validFrom(),
                r.validTo() == null ? row.validTo() : r.validTo()));
        store.update(id, fields);
        record(actor, "crossborder.edit", id, fields);
    }

    @Transactional
    void revoke(Actor actor, long id, String reason) {
        actor.requireRole(Role.CITY_ADMIN);
        store.find(id).orElseThrow(CrossBorderNotFoundException::new);
        if (!store.revoke(id, reason.strip())) {
            throw CrossBorderRefusedException.revoked();
        }
        audit.record(
                actor,
                "crossborder.revoke",
                "cross-border-pharmacist",
                String.valueOf(id),
                AuditOutcome.SUCCESS,
                Map.of("reason", reason.strip()));
    }

    private PharmacistStore.Fields checked(PharmacistStore.Fields f) {
        if (f.validTo().isBefore(f.validFrom())) {
            throw CrossBorderRefusedException.validity();
        }
        if (pharmacies.find(f.pharmacyId()).isEmpty()) {
            throw new CogovException(ErrorCode.PHARMACY_NOT_FOUND, "执业药店 " + f.pharmacyId() + " 不存在");
        }
        return f;
    }

    private void record(Actor actor, String action, long id, PharmacistStore.Fields f) {
        audit.record(
                actor,
                action,
                "cross-border-pharmacist",
                String.valueOf(id),
                AuditOutcome.SUCCESS,
                Map.of(
                        "pharmacy", String.valueOf(f.pharmacyId()),
                        "validFrom", f.validFrom().toString(),
                        "validTo", f.validTo().toString()));
    }
}
