package com.cogov.api.inspection;

import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CogovException;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.error.ErrorCode;
import jakarta.inject.Singleton;

/**
 * Who may do what with inspections: a district inspector in their district, a pharmacy manager for their pharmacy,
 * the city administrator (portal lists) the whole city. A pharmacy or an inspection outside the caller's scope is
 * answered as not found (404), a role that may not use a route 403.
 */
@Singleton
class InspectionScope {

    private final PharmacyService pharmacies;

    InspectionScope(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    /** @return the inspector's district */
    static String inspectorDistrict(Actor actor) {
        if (actor.role() != Role.DISTRICT_INSPECTOR || actor.districtCode() == null) {
            throw new AccessDeniedException("只有区监管人员可以进行现场检查");
        }
        return actor.districtCode();
    }

    /** @return the manager's pharmacy */
    static long managersPharmacy(Actor actor) {
        if (actor.role() != Role.PHARMACY_MANAGER || actor.pharmacyId() == null) {
            throw new AccessDeniedException("只有药店负责人可以查看和回复本店的检查记录");
        }
        return actor.pharmacyId();
    }

    /** @return the district a regulator is confined to, or null for the city administrator */
    static String regulatorDistrict(Actor actor) {
        if (actor.role() == Role.CITY_ADMIN) {
            return null;
        }
        return inspectorDistrict(actor);
    }

    /** The pharmacy, if it lies in the inspector's district; else 404 as if it did not exist. */
    PharmacyProfile pharmacyOfDistrict(Actor inspector, long pharmacyId) {
        String district = inspectorDistrict(inspector);
        return pharmacies
                .profile(pharmacyId)
                .filter(p -> p.districtCode().equals(district))
                .orElseThrow(
                        () -> new CogovException(ErrorCode.PHARMACY_NOT_FOUND, "药店 " + pharmacyId + " 不存在或不在您的辖区内"));
    }
}
