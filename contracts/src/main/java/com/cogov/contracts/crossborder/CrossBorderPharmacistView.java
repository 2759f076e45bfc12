package com.cogov.contracts.crossborder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** A registration as the bureau keeps it (portal). */
@Serdeable
@Schema(name = "CrossBorderPharmacist")
public record CrossBorderPharmacistView(
        long id,
        String nameZh,
        String namePt,
        String licenseNumber,
        long pharmacyId,
        String pharmacyName,
        String pharmacyAddress,
        LocalDate validFrom,
        LocalDate validTo,
        CrossBorderStatus status,
        @Nullable @Schema(nullable = true) Instant revokedAt,
        @Nullable @Schema(nullable = true) String revokeReason) {}
