package com.cogov.contracts.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One alert of the worklist: what a rule or a pattern flagged, where, about whom (masked), and where its triage stands.
 *
 * @param rule              the rule code: a sale rule (e.g. {@code PER_SALE_LIMIT}, {@code TRACE_CODE_RESOLD}) or a
 *                          pattern ({@code MANY_DISTRICTS}, {@code SPLIT_PURCHASES}, {@code PHARMACY_SURGE})
 * @param registrationNumber the sale that raised it, for an alert of one sale; null for a block (no sale was made) and
 *                          for a pattern (its sales are listed with {@code GET /portal/v1/alerts/{id}})
 * @param occurrences       how many times it was seen: a trace code resold again joins its open alert
 */
@Serdeable
@Schema(name = "Alert")
public record AlertView(
        long id,
        @Schema(example = "MANY_DISTRICTS") String rule,

        @Schema(example = "WARN", description = "WARN or BLOCK")
        String severity,

        AlertStatus status,
        @Schema(example = "420106") String districtCode,
        long pharmacyId,
        @Nullable @Schema(nullable = true) String pharmacyName,

        @Nullable @Schema(nullable = true, example = "EPHEDRINE_COMPOUND")
        String category,

        String detail,
        @Nullable @Schema(type = "object", nullable = true) Buyer buyer,

        @Nullable @Schema(nullable = true, example = "DJ202611214830192756")
        String registrationNumber,

        int occurrences,
        Instant createdAt,
        Instant updatedAt) {

    /** The buyer, masked as everywhere on the desk; the full values only through unmask with a reason. */
    @Serdeable
    @Schema(name = "AlertBuyer")
    public record Buyer(
            @Schema(example = "RESIDENT_ID_CARD") String documentType,

            @Nullable @Schema(nullable = true, example = "4201**********123X")
            String number,

            @Nullable @Schema(nullable = true, example = "张*")
            String name) {}
}
