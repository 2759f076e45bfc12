package com.cogov.api.pharmacy;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.pharmacy.DistrictView;
import com.cogov.contracts.pharmacy.PharmacySummary;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pharmacy feature's entry: districts, pharmacies and their status. */
@Singleton
public class PharmacyService {

    private static final String ACTIVE = "ACTIVE";

    /** Pharmacies in the search-text piece: by name, within their district. */
    public static final String SEARCH_TYPE = "PHARMACY";
    /** Pharmacies in the geo piece: partitioned by district. */
    public static final String GEO_INDEX = "pharmacy";

    private final DistrictRepository districts;
    private final PharmacyRepository pharmacies;
    private final AuditService audit;
    private final PrivacyService privacy;
    private final ApplicationEventPublisher<PharmacyDisabledEvent> disabledEvents;

    PharmacyService(
            DistrictRepository districts,
            PharmacyRepository pharmacies,
            AuditService audit,
            PrivacyService privacy,
            ApplicationEventPublisher<PharmacyDisabledEvent> disabledEvents) {
        this.districts = districts;
        this.pharmacies = pharmacies;
        this.audit = audit;
        this.privacy = privacy;
        this.disabledEvents = disabledEvents;
    }

    /** The city's districts, in code order: the choices of every district picker. */
    @ReadOnly
    public List<DistrictView> districts() {
        return districts.findByLevelOrderByCode("DISTRICT").stream()
                .map(d -> new DistrictView(d.code(), d.name()))
                .toList();
    }

    @ReadOnly
    public Optional<DistrictView> district(String code) {
        return districts
                .findById(code)
                .filter(d -> "DISTRICT".equals(d.level()))
                .map(d -> new DistrictView(d.code(), d.name()));
    }

    @ReadOnly
    public Optional<PharmacySummary> find(long id) {
        return pharmacies
                .findById(id)
                .map(p -> new PharmacySummary(p.id(), p.name(), p.districtCode(), ACTIVE.equals(p.status())));
    }

    /** Closes a pharmacy on the platform; its clerks and managers are disabled with it (one transaction). */
    @Transactional
    public PharmacySummary disable(Actor admin, long id, String reason) {
        if (admin.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以停用药店");
        }
        Pharmacy pharmacy = pharmacies.findById(id).orElseThrow(() -> new PharmacyNotFoundException(id));
        pharmacies.updateStatus(id, "DISABLED");
        audit.record(
                admin,
                "pharmacy.disable",
                "pharmacy",
                String.valueOf(id),
                AuditOutcome.SUCCESS,
                Map.of("reason", privacy.redact(reason)));
        disabledEvents.publishEvent(new PharmacyDisabledEvent(id, admin));
        return new PharmacySummary(pharmacy.id(), pharmacy.name(), pharmacy.districtCode(), false);
    }

    /** A pharmacy's facts for another feature, which checks the caller's scope against its district. */
    @ReadOnly
    public Optional<PharmacyProfile> profile(long id) {
        return pharmacies.findById(id).map(PharmacyProfile::of);
    }

    /** Several pharmacies' facts, by id (the rows of a list); unknown ids are left out. */
    @ReadOnly
    public Map<Long, PharmacyProfile> profiles(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, PharmacyProfile> found = new java.util.HashMap<>();
        pharmacies.findByIdIn(ids).forEach(p -> found.put(p.id(), PharmacyProfile.of(p)));
        return found;
    }
}
