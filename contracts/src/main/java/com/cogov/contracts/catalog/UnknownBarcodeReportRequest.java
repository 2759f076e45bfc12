package com.cogov.contracts.catalog;

import com.cogov.contracts.text.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A clerk reports a code the catalog does not know, for the regulator to add. The pharmacy is the clerk's own. */
@Serdeable
@Schema(name = "UnknownBarcodeReportRequest")
public record UnknownBarcodeReportRequest(
        @NotBlank(message = "请填写条码")
        @Size(max = 32, message = "条码不超过32位")
        @Schema(description = "EAN-13, EAN-8, UPC-A or a 20-digit traceability code", example = "6901028075831")
        String barcode,

        @Nullable
        @MultiLine
        @Size(max = 200, message = "备注不超过200个字")
        @Schema(description = "What the package says: name, maker, strength (no buyer's personal data)")
        String note) {}
