package com.cogov.contracts.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A pharmacy in the inspector's lookup. */
@Serdeable
@Schema(name = "InspectorPharmacyRow")
public record InspectorPharmacyRow(
        long id,
        String name,
        @Schema(example = "420106") String districtCode,
        String address,
        @Schema(example = "ACTIVE") String status,

        @Schema(description = "Alerts still OPEN or REVIEWING")
        int openAlerts,

        @Nullable @Schema(nullable = true, description = "From lat/lng, when given")
        Integer distanceMeters) {}
