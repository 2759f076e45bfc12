package com.cogov.contracts.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An alert with the sales behind it (newest first, at most 200, masked) and every triage step (oldest first). */
@Serdeable
@Schema(name = "AlertDetail")
public record AlertDetailView(AlertView alert, List<Sale> sales, List<Step> history) {

    /** A sale behind the alert, named by its public number. */
    @Serdeable
    @Schema(name = "AlertSale")
    public record Sale(
            @Schema(example = "DJ202611214830192756") String number,
            Instant soldAt,
            long pharmacyId,
            @Nullable @Schema(nullable = true) String pharmacyName,
            @Schema(example = "420106") String districtCode,
            AlertView.Buyer buyer,
            @Schema(example = "新康泰克×2") String items,

            @Schema(example = "ACTIVE", description = "ACTIVE or VOIDED")
            String status) {}

    /** One triage step: who moved the alert, from what to what, when, and why. */
    @Serdeable
    @Schema(name = "AlertStep")
    public record Step(
            AlertStatus from,
            AlertStatus to,
            @Nullable @Schema(nullable = true) String note,
            long byAccountId,

            @Nullable @Schema(nullable = true, example = "武昌区监管科")
            String byName,

            Instant at) {}
}
