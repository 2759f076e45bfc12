package com.cogov.contracts.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One inspection in a list; {@code GET …/inspections/{id}} has it in full. */
@Serdeable
@Schema(name = "InspectionSummary")
public record InspectionSummary(
        long id,
        long pharmacyId,
        String pharmacyName,
        @Schema(example = "420106") String districtCode,
        Instant recordedAt,
        Disposition disposition,
        @Nullable @Schema(nullable = true) LocalDate rectifyBy,

        @Nullable @Schema(type = "string", nullable = true, description = "For RECTIFY only")
        RectificationState rectificationState,

        @Schema(description = "RECTIFY whose date has passed without an accepted rectification")
        boolean overdue,

        List<String> flags,
        @Nullable @Schema(nullable = true) Long supersededBy,
        boolean acknowledged) {}
