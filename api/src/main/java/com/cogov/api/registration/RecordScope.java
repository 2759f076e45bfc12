package com.cogov.api.registration;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.buyer.BuyerService;
import com.cogov.api.catalog.CatalogService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.pharmacy.PharmacySummary;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Who may read the city's records, and how far: the city administrator the whole city, a district inspector their
 * district only (a district or pharmacy elsewhere is answered 404, as one that does not exist). Turns a caller's
 * {@link RecordFilter} into the {@link RecordCriteria} that is run, the same for a query and for its export.
 */
@Singleton
class RecordScope {

    private final PharmacyService pharmacies;
    private final CatalogService catalog;
    private final BuyerService buyers;
    private final PrivacyService privacy;
    private final AuditService audit;
    private final CityConfiguration city;

    RecordScope(
            PharmacyService pharmacies,
            CatalogService catalog,
            BuyerService buyers,
            PrivacyService privacy,
            AuditService audit,
            CityConfiguration city) {
        this.pharmacies = pharmacies;
        this.catalog = catalog;
        this.buyers = buyers;
        this.privacy = privacy;
        this.audit = audit;
        this.city = city;
    }

    /** Refuses (403) everyone but the regulators; an inspector must have a district. */
    static void requireRegulator(Actor actor) {
        boolean admin = actor.role() == Role.CITY_ADMIN;
        boolean inspector = actor.role() == Role.DISTRICT_INSPECTOR && actor.districtCode() != null;
        if (!admin && !inspector) {
            throw new AccessDeniedException("只有市局管理员和区监管人员可以查询登记记录");
        }
    }

    /** The district an actor is confined to, or null for the whole city. */
    static String confinedTo(Actor actor) {
        return actor.role() == Role.DISTRICT_INSPECTOR ? actor.districtCode() : null;
    }

    RecordFilter parse(Map<String, String> filter) {
        return RecordFilter.from(filter, city);
    }

    CityConfiguration city() {
        return city;
    }

    /**
     * The filter within the actor's scope.
     *
     * @throws RecordQueryException 404 for a district or pharmacy that does not exist or lies outside the scope
     */
    RecordCriteria resolve(Actor actor, RecordFilter f) {
        requireRegulator(actor);
        String confined = confinedTo(actor);
        String district = confined;
        if (f.districtCode() != null) {
            if (pharmacies.district(f.districtCode()).isEmpty()
                    || (confined != null && !confined.equals(f.districtCode()))) {
                throw RecordQueryException.districtNotFound();
            }
            district = f.districtCode();
        }
        if (f.pharmacyId() != null) {
            PharmacySummary pharmacy =
                    pharmacies.find(f.pharmacyId()).orElseThrow(RecordQueryException::pharmacyNotFound);
            if (confined != null && !confined.equals(pharmacy.districtCode())) {
                throw RecordQueryException.pharmacyNotFound();
            }
        }
        Long drug = f.drugId() == null ? null : catalog.findById(f.drugId()).id(); // 404 DRUG_NOT_FOUND if unknown
        if (f.barcode() != null) {
            long scanned = catalog.findByCode(f.barcode()).id();
            drug = drug != null && drug != scanned ? RecordCriteria.NO_DRUG : scanned;
        }
        String buyerIndex = null;
        if (f.documentNumber() != null) {
            DocumentType type = f.documentType() != null ? f.documentType() : DocumentType.RESIDENT_ID;
            buyerIndex = buyers.verify(type, f.documentNumber(), "查询").numberIndex();
        }
        return new RecordCriteria(
                f.from(),
                f.to(),
                district,
                f.pharmacyId(),
                drug,
                f.category(),
                f.clerkId(),
                f.status(),
                f.warning(),
                f.minor(),
                buyerIndex);
    }

    /** A search by a buyer's document number is a personal-data search: audited with its reason, never the number. */
    void auditBuyerSearch(Actor actor, RecordFilter f, RecordCriteria c, String list) {
        if (c.buyerIndex() != null) {
            audit.record(
                    actor,
                    "registration.search-by-buyer",
                    "buyer",
                    c.buyerIndex(),
                    AuditOutcome.SUCCESS,
                    Map.of("list", list, "reason", privacy.redact(f.reason())));
        }
    }
}
