package com.cogov.contracts.publicsearch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A drug as the public finds it (药品查询): the catalog's public fields and, for a special one, how it may be bought. */
@Serdeable
@Schema(name = "PublicDrug")
public record PublicDrug(
        long id,
        String name,
        String genericName,
        String maker,
        @Schema(description = "规格") String strength,
        String dosageForm,
        String packageUnit,
        String approvalNumber,
        @Schema(description = "Prescription only (处方药)") boolean prescriptionOnly,
        List<String> barcodes,

        @Nullable @Schema(nullable = true, type = "object", description = "Absent for ordinary drugs")
        SpecialCategory specialCategory,

        @Nullable
        @Schema(
                nullable = true,
                type = "object",
                description = "How a special compound preparation may be bought; absent otherwise")
        PurchaseRules purchaseRules) {

    @Serdeable
    @Schema(name = "PublicSpecialCategory")
    public record SpecialCategory(
            @Schema(example = "EPHEDRINE_COMPOUND") String code, String name) {}

    /**
     * The rules at the counter, each also as a plain Chinese sentence ({@code summary}) for the citizen.
     *
     * @param maxPackagesPerSale absent when the law sets no per-sale number (prescription-only categories)
     */
    @Serdeable
    @Schema(name = "PurchaseRules")
    public record PurchaseRules(
            boolean idRequired,
            @Nullable @Schema(nullable = true) Integer maxPackagesPerSale,
            boolean prescriptionRequired,
            boolean notForMinors,

            @Schema(description = "The rules in plain Chinese, one sentence each")
            List<String> summary,

            @Schema(description = "Where the rules come from")
            String legalBasis) {}
}
