package com.cogov.contracts.pharmacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A pharmacy's identity and status. */
@Serdeable
@Schema(name = "PharmacySummary")
public record PharmacySummary(
        long id, String name, @Schema(example = "420106") String districtCode, boolean active) {}
