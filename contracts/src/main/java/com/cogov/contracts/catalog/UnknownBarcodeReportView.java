package com.cogov.contracts.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A pharmacy's report of a code the catalog lacks. A repeat report by the same pharmacy answers this one again. */
@Serdeable
@Schema(name = "UnknownBarcodeReport")
public record UnknownBarcodeReportView(
        long id,
        String barcode,
        @Nullable String note,

        @Schema(
                description = "NEW until the regulator handles it: RESOLVED (the code now finds a drug) or REJECTED",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Status status,

        Instant reportedAt) {

    /** NEW in the regulator's queue; closed as RESOLVED (attached to a drug) or REJECTED (with a reason). */
    public enum Status {
        NEW,
        RESOLVED,
        REJECTED
    }
}
