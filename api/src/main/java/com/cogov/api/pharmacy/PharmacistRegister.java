package com.cogov.api.pharmacy;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.pharmacy.PharmacistRequests;
import com.cogov.contracts.pharmacy.PharmacistView;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pharmacy's licensed pharmacists (执业药师) and who is on duty (在岗), kept by its manager from the mini-program. The
 * caller's pharmacy is the token's, never a parameter: a pharmacist of another pharmacy is not found (404). A duty mark
 * lapses at the end of the opening the pharmacy is in when it is set (the end of the city's day for a shop open round
 * the clock, or when it is marked while closed), so a forgotten mark never shows a pharmacist on duty tomorrow.
 * Every change is audited and announced ({@link PharmacyChangedEvent}), so the public search sees it.
 */
@Singleton
class PharmacistRegister {

    private static final Set<Role> STAFF = Set.of(Role.PHARMACY_CLERK, Role.PHARMACY_MANAGER);

    private final PharmacistRows rows;
    private final PharmacyRows pharmacies;
    private final AuditService audit;
    private final ApplicationEventPublisher<PharmacyChangedEvent> events;
    private final CityConfiguration city;
    private final Clock clock;

    PharmacistRegister(
            PharmacistRows rows,
            PharmacyRows pharmacies,
            AuditService audit,
            ApplicationEventPublisher<PharmacyChangedEvent> events,
            CityConfiguration city,
            Clock clock) {
        this.rows = rows;
        this.pharmacies = pharmacies;
        this.audit = audit;
        this.events = events;
        this.city = city;
        this.clock = clock;
    }

    /** The caller's pharmacy's pharmacists (its clerks read the list too: who is on duty). */
    @ReadOnly
    List<PharmacistView> list(Actor staff) {
        long pharmacyId = pharmacyOf(staff, STAFF);
        Instant now = clock.instant();
        return rows.ofPharmacy(pharmacyId).stream().map(p -> view(p, now)).toList();
    }

    @Transactional
    PharmacistView add(Actor manager, PharmacistRequests.Add request) {
        long pharmacyId = pharmacyOf(manager, Set.of(Role.PHARMACY_MANAGER));
        String license = request.licenseNumber().strip().toUpperCase(java.util.Locale.ROOT);
        if (rows.licenseTaken(license)) {
            throw new PharmacistLicenseTakenException();
        }
        long id = rows.insert(pharmacyId, request.name().strip(), license);
        audit.record(
                manager,
                "pharmacy.pharmacist.added",
                "pharmacist",
                String.valueOf(id),
                AuditOutcome.SUCCESS,
                Map.of("pharmacyId", String.valueOf(pharmacyId)));
        events.publishEvent(new PharmacyChangedEvent(pharmacyId));
        return view(rows.lock(pharmacyId, id).orElseThrow(), clock.instant());
    }

    @Transactional
    PharmacistView duty(Actor manager, long id, PharmacistRequests.Duty request) {
        long pharmacyId = pharmacyOf(manager, Set.of(Role.PHARMACY_MANAGER));
        rows.lock(pharmacyId, id).orElseThrow(PharmacistNotFoundException::new);
        Pharmacy pharmacy = pharmacies.find(pharmacyId).orElseThrow(() -> new PharmacyNotFoundException(pharmacyId));
        Instant now = clock.instant();
        Instant until = null;
        if (request.onDuty()) {
            LocalDateTime local = LocalDateTime.ofInstant(now, city.zone());
            LocalDateTime end = OpeningHours.parse(pharmacy.openingHours())
                    .map(h -> h.endOfOpening(local))
                    .orElse(local.toLocalDate().plusDays(1).atStartOfDay());
            until = end.atZone(city.zone()).toInstant();
        }
        rows.duty(id, until);
        audit.record(
                manager,
                request.onDuty() ? "pharmacy.pharmacist.on-duty" : "pharmacy.pharmacist.off-duty",
                "pharmacist",
                String.valueOf(id),
                AuditOutcome.SUCCESS,
                Map.of("pharmacyId", String.valueOf(pharmacyId)));
        events.publishEvent(new PharmacyChangedEvent(pharmacyId));
        return view(rows.lock(pharmacyId, id).orElseThrow(), now);
    }

    @ReadOnly
    List<LicensedPharmacist> register() {
        return rows.all();
    }

    private static long pharmacyOf(Actor actor, Set<Role> roles) {
        if (actor.role() == null || !roles.contains(actor.role()) || actor.pharmacyId() == null) {
            throw new AccessDeniedException("仅药店" + (roles.size() == 1 ? "店长" : "人员") + "可以操作");
        }
        return actor.pharmacyId();
    }

    private static PharmacistView view(LicensedPharmacist p, Instant now) {
        boolean onDuty = p.onDutyAt(now);
        return new PharmacistView(p.id(), p.name(), p.licenseNumber(), onDuty, onDuty ? p.onDutyUntil() : null);
    }
}
