package com.cogov.contracts.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One change of a pharmacy: the fields it changed with their old and new values, why, by whom, when. */
@Serdeable
@Schema(name = "PharmacyChange")
public record PharmacyChangeView(
        int version,
        PharmacyChangeKind kind,
        List<FieldChange> changes,
        @Nullable @Schema(nullable = true) String reason,

        @Nullable @Schema(description = "The account that made the change", nullable = true)
        Long actorAccountId,

        Instant changedAt) {

    /** {@code from} is null for a field set when the pharmacy was created, {@code to} null for a field cleared. */
    @Serdeable
    @Schema(name = "PharmacyFieldChange")
    public record FieldChange(
            @Schema(example = "address") String field,
            @Nullable @Schema(nullable = true) String from,
            @Nullable @Schema(nullable = true) String to) {}
}
