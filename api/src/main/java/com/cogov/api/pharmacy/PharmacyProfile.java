package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * A pharmacy's facts as other features read them (the inspector's phone, later the public search): never the entity.
 *
 * @param latitude  GCJ-02; null when the pharmacy has no coordinates yet
 * @param status    {@code ACTIVE}, or what the lifecycle set (suspended, closed)
 * @param sellsSpecialCompounds whether it sells special compound preparations (shown to the public)
 */
public record PharmacyProfile(
        long id,
        String licenseNumber,
        String creditCode,
        String name,
        String districtCode,
        String address,
        @Nullable BigDecimal latitude,
        @Nullable BigDecimal longitude,
        @Nullable String openingHours,
        @Nullable String phone,
        String status,
        boolean sellsSpecialCompounds) {

    static PharmacyProfile of(Pharmacy p) {
        return new PharmacyProfile(
                p.id(),
                p.licenseNumber(),
                p.creditCode(),
                p.name(),
                p.districtCode(),
                p.address(),
                p.latitude(),
                p.longitude(),
                p.openingHours(),
                p.phone(),
                p.status().name(),
                p.sellsSpecialCompounds());
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }
}
