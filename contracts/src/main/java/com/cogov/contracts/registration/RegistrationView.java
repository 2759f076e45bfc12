package com.cogov.contracts.registration;

import com.cogov.contracts.buyer.BuyerView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A registered sale as the pharmacy sees it: personal fields masked, named by its public number. */
@Serdeable
@Schema(name = "Registration")
public record RegistrationView(
        @Schema(example = "DJ202611214830192756", requiredMode = Schema.RequiredMode.REQUIRED)
        String number,

        Status status,
        Instant soldAt,
        Instant recordedAt,
        long pharmacyId,
        long clerkId,
        BuyerView buyer,
        List<Item> items,
        @Nullable String prescriptionNumber,
        List<RegistrationResult.Warning> warnings,
        @Nullable Instant voidedAt,
        @Nullable String voidReason) {

    public enum Status {
        ACTIVE,
        VOIDED
    }

    @Serdeable
    @Schema(name = "RegisteredItem")
    public record Item(
            long drugId,
            String drugName,
            @Nullable String specialCategory,
            int quantity,
            String batchNumber,
            List<String> traceCodes) {}
}
