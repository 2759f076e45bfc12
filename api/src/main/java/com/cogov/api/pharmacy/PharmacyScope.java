package com.cogov.api.pharmacy;

import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Who may act on which pharmacies: the city administrator on the city, a district inspector on their own district.
 * The role is checked before anything is looked up (403); an object outside the caller's district is answered as if
 * it did not exist (404), so an inspector learns nothing of other districts.
 */
@Singleton
class PharmacyScope {

    private final PharmacyRows rows;
    private final DistrictRepository districts;

    PharmacyScope(PharmacyRows rows, DistrictRepository districts) {
        this.rows = rows;
        this.districts = districts;
    }

    /** @return the inspector's district, or null for the city administrator */
    @Nullable
    String confinedTo(Actor actor) {
        if (actor.role() == Role.CITY_ADMIN) {
            return null;
        }
        if (actor.role() == Role.DISTRICT_INSPECTOR && actor.districtCode() != null) {
            return actor.districtCode();
        }
        throw new AccessDeniedException("只有市局管理员和区监管人员可以管理药店");
    }

    void cityOnly(Actor actor, String what) {
        if (actor.role() != Role.CITY_ADMIN) {
            throw new AccessDeniedException("只有市局管理员可以" + what);
        }
    }

    Pharmacy find(Actor actor, long id) {
        return inScope(actor, rows.find(id), id);
    }

    /** The pharmacy, locked until the change's transaction ends. */
    Pharmacy lock(Actor actor, long id) {
        return inScope(actor, rows.lock(id), id);
    }

    /** A district the caller may name: it exists, is a district of the city, and is the inspector's own. */
    District district(Actor actor, String code) {
        String confined = confinedTo(actor);
        return districts
                .findById(code)
                .filter(District::isDistrict)
                .filter(d -> confined == null || confined.equals(d.code()))
                .orElseThrow(() -> new DistrictNotFoundException(code));
    }

    /** A district that may take a pharmacy: also not retired. */
    District openDistrict(Actor actor, String code) {
        District district = district(actor, code);
        if (district.retired()) {
            throw PharmacyChangeRefusedException.districtRetired(code);
        }
        return district;
    }

    private Pharmacy inScope(Actor actor, Optional<Pharmacy> row, long id) {
        String confined = confinedTo(actor);
        return row.filter(p -> confined == null || confined.equals(p.districtCode()))
                .orElseThrow(() -> new PharmacyNotFoundException(id));
    }
}
