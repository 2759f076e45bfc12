package com.cogov.contracts.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One code in the regulator's queue: every pharmacy's report of it in one status, taken together. */
@Serdeable
@Schema(name = "UnknownBarcode")
public record UnknownBarcodeView(
        String barcode,

        @Schema(type = "string", description = "NEW, RESOLVED or REJECTED")
        UnknownBarcodeReportView.Status status,

        @Schema(description = "How many pharmacies reported it")
        int pharmacies,

        Instant firstReportedAt,
        Instant lastReportedAt,

        @Schema(description = "The reporters' notes, oldest first")
        List<String> notes,

        @Nullable @Schema(description = "RESOLVED: the drug the code now finds")
        Long drugId,

        @Nullable @Schema(description = "REJECTED: why") String rejectReason,
        @Nullable Instant resolvedAt) {}
