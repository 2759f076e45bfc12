package com.cogov.contracts.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The codes found in a photo of a drug package, each resolved to its drug where the catalog knows it. One code that
 * cannot be resolved does not fail the others: it carries the reason instead of a drug.
 */
@Serdeable
@Schema(name = "DecodedBarcodes")
public record DecodedBarcodes(
        @Schema(description = "Every code found, each once", requiredMode = Schema.RequiredMode.REQUIRED)
        List<DecodedBarcode> codes,

        @Schema(
                description = "Server time spent reading the photo, in milliseconds",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long decodeMillis) {

    /** One code found in the photo: with {@code drug} when it resolved, else with {@code errorCode} and {@code errorDetail}. */
    @Serdeable
    @Schema(
            name = "DecodedBarcode",
            description = "One code found in the photo: `drug` when the catalog knows it, "
                    + "else `errorCode` and `errorDetail`; `gs1` for GS1 symbols")
    public record DecodedBarcode(
            Format format,

            @Schema(
                    description = "The symbol's content as read; GS1 element separators are the GS character (U+001D)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String text,

            @Nullable
            @Schema(
                    description =
                            "Code the catalog was searched with (a GS1 GTIN as its EAN-13): "
                                    + "what to report when the drug is not found; absent when the content cannot be a drug code")
            String code,

            @Nullable @Schema(type = "object") Gs1Elements gs1,
            @Nullable @Schema(type = "object") DrugView drug,

            @Nullable
            @Schema(
                    description = "Why there is no drug: BARCODE_INVALID or DRUG_NOT_FOUND",
                    allowableValues = {"BARCODE_INVALID", "DRUG_NOT_FOUND"})
            String errorCode,

            @Nullable @Schema(description = "The reason in Chinese, for the clerk")
            String errorDetail) {}

    /** The GS1 application identifiers a drug package carries. */
    @Serdeable
    @Schema(name = "Gs1Elements", description = "The GS1 elements of a GS1 DataMatrix, GS1-128 or GS1 QR code")
    public record Gs1Elements(
            @Nullable @Schema(description = "(01) GTIN-14") String gtin,

            @Nullable @Schema(description = "(17) expiry date (day 00 is read as the month's last day)")
            LocalDate expiry,

            @Nullable @Schema(description = "(10) batch or lot number (生产批号)")
            String batch,

            @Nullable @Schema(description = "(21) serial number")
            String serial) {}

    /** The kinds of symbol the server reads. */
    @Schema(name = "BarcodeFormat")
    public enum Format {
        EAN_13,
        EAN_8,
        UPC_A,
        CODE_128,
        DATA_MATRIX,
        QR_CODE
    }
}
