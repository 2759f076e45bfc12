package com.cogov.api.pharmacy;

import com.cogov.contracts.pharmacy.PharmacyStatus;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;

/** A pharmacy's row as {@link PharmacyRows} reads it. */
record Pharmacy(
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
        PharmacyStatus status,
        @Nullable String statusReason,
        int version,
        Instant createdAt,
        Instant updatedAt,
        boolean sellsSpecialCompounds) {

    boolean open() {
        return status == PharmacyStatus.ACTIVE;
    }
}
