package com.cogov.contracts.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One sale in full as a regulator reads it: items, warnings, the alerts it raised, and its void if any. */
@Serdeable
@Schema(name = "RegistrationDetail")
public record RegistrationDetail(
        RegistrationRecord record,
        Instant recordedAt,
        List<RegistrationView.Item> items,
        @Nullable String prescriptionNumber,
        List<RaisedAlert> alerts,
        @Nullable @Schema(type = "object", nullable = true) VoidRecord voided) {

    /** A rule alert the sale raised (rule_alert), as it stands in the worklist. */
    @Serdeable
    @Schema(name = "RaisedAlert")
    public record RaisedAlert(
            long id,
            @Schema(example = "VELOCITY_24H") String rule,
            @Schema(example = "WARN") String severity,
            @Nullable String category,
            String detail,
            @Schema(example = "OPEN") String status,
            Instant createdAt) {}

    /** Who voided the sale, when and why (the reason with ID-like text masked). */
    @Serdeable
    @Schema(name = "VoidRecord")
    public record VoidRecord(Instant voidedAt, long voidedBy, String reason) {}
}
