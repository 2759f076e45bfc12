package com.cogov.contracts.buyer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A buyer as the counter sees them: enough to confirm it is the person in front of the clerk (and to apply age rules),
 * never the full number or name. {@code sex} is absent when the document does not state it (permits, passports,
 * foreigners' cards).
 */
@Serdeable
@Schema(name = "BuyerView")
public record BuyerView(
        DocumentType documentType,

        @Schema(
                description = "Document number, masked",
                example = "4201**********123X",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        @Schema(description = "Name, masked", example = "张*", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,

        @Nullable
        @Schema(description = "Full years of age today (Beijing time); absent when the document carries no birth date")
        Integer age,

        @Nullable @Schema(type = "string") Sex sex) {}
