package com.cogov.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;

/** One row of the handlers' worklist. Nobody's personal data. */
@Serdeable
@Schema(name = "ComplaintSummary")
public record ComplaintSummaryView(
        long id,
        String trackingNumber,
        ComplaintKind kind,
        ComplaintCategory category,
        ComplaintStatus status,
        String districtCode,
        String targetName,
        Instant receivedAt,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "The deadline running now")
        LocalDate dueDate,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "DUE_SOON or OVERDUE")
        String due,

        boolean lateFiling) {}
