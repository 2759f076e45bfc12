package com.cogov.contracts.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A drug as the counter, the public and the regulator see it. */
@Serdeable
@Schema(name = "Drug")
public record DrugView(
        long id,
        String name,
        String genericName,
        String maker,
        @Schema(description = "规格, e.g. 每片含盐酸伪麻黄碱30mg") String strength,
        String dosageForm,

        @Schema(description = "Smallest sales package, e.g. 盒")
        String packageUnit,

        String approvalNumber,

        @Nullable @Schema(description = "Special compound category, absent for ordinary drugs", type = "object")
        SpecialCategoryView specialCategory,

        boolean prescriptionOnly,

        @Nullable @Schema(description = "Most smallest packages one sale may hold without a prescription")
        Integer perSaleLimit,

        List<String> barcodes,

        @Nullable @Schema(description = "7-digit product identifier that starts its traceability codes")
        String productIdentifier,

        @Schema(description = "How the code in the request matched")
        MatchKind matchedBy,

        @Nullable
        @Schema(
                description = "ACTIVE, or RETIRED: no longer resolves for new sales but still shows in old ones",
                type = "string")
        DrugStatus status) {

    public enum MatchKind {
        COMMODITY_BARCODE,
        TRACEABILITY_CODE
    }
}
