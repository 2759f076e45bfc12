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

        @Schema(description = "NEW until the regulator handles it", requiredMode = Schema.RequiredMode.REQUIRED)
        Status status,

        Instant reportedAt) {

    /** The regulator's handling adds its states with the admin side. */
    public enum Status {
        NEW
    }
}
