package com.cogov.contracts.registration;

import com.cogov.contracts.buyer.BuyerView;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * One sale as a regulator lists it (上报登记查询): where, when, by whom, to whom (masked; age at the sale), what in
 * short, what the rules said, and whether it stands.
 */
@Serdeable
@Schema(name = "RegistrationRecord")
public record RegistrationRecord(
        @Schema(example = "DJ202611214830192756", requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        Instant soldAt,
        long pharmacyId,
        String pharmacyName,

        @Schema(example = "420106") String districtCode,

        @Schema(example = "武昌区") String districtName,

        long clerkId,

        @Schema(description = "Masked; age in full years on the day of the sale")
        BuyerView buyer,

        @Schema(description = "The items in short, e.g. 新康泰克×2；泰诺×1")
        String itemsSummary,

        List<RegistrationResult.Warning> warnings,
        RegistrationView.Status status) {}
