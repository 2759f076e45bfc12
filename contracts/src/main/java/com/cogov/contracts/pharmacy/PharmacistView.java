package com.cogov.contracts.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A licensed pharmacist (执业药师) of the caller's pharmacy, as its manager keeps the list. */
@Serdeable
@Schema(name = "Pharmacist")
public record PharmacistView(
        long id,

        @Schema(description = "As the public register shows it")
        String name,

        @Schema(description = "执业药师注册证编号") String licenseNumber,
        boolean onDuty,

        @Nullable @Schema(nullable = true, description = "When the duty mark lapses: the end of today's opening hours")
        Instant onDutyUntil) {}
