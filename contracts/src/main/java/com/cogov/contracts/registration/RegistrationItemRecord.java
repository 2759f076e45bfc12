package com.cogov.contracts.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One item sold, as a regulator lists purchase details (购药明细查询): the sale it belongs to and what went out. */
@Serdeable
@Schema(name = "RegistrationItemRecord")
public record RegistrationItemRecord(
        @Schema(example = "DJ202611214830192756", requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        Instant soldAt,
        long pharmacyId,
        String pharmacyName,

        @Schema(example = "420106") String districtCode,

        long drugId,
        String drugName,

        @Nullable @Schema(description = "The drug's commodity barcode (its first, when it has several)")
        String barcode,

        @Nullable String specialCategory,
        int quantity,
        String batchNumber,

        @Schema(description = "The sale's traceability codes of this drug (by its product identifier)")
        List<String> traceCodes,

        @Nullable String prescriptionNumber,
        RegistrationView.Status status) {}
