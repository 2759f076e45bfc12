package com.cogov.contracts.pharmacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A pharmacy as the regulators see it. {@code history} (every change, newest first) is given by the single-pharmacy
 * read only; lists leave it out.
 */
@Serdeable
@Schema(name = "Pharmacy")
public record PharmacyView(
        long id,
        @Schema(example = "鄂CB0270001") String licenseNumber,
        @Schema(example = "91420106MA4K0000X0") String creditCode,
        String name,
        @Schema(example = "420106") String districtCode,
        @Schema(example = "武昌区") String districtName,
        String address,
        @Nullable BigDecimal latitude,
        @Nullable BigDecimal longitude,
        @Nullable String openingHours,
        @Nullable String phone,
        PharmacyStatus status,

        @Nullable @Schema(description = "Why the status was last changed", nullable = true)
        String statusReason,

        @Schema(description = "Counts the changes: 1 when created")
        int version,

        Instant createdAt,
        Instant updatedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        @Schema(description = "Every change, newest first; only on GET /portal/v1/pharmacies/{id}", nullable = true)
        List<PharmacyChangeView> history) {}
