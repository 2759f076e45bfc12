package com.cogov.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What a filer gets back. The {@code queryCode} is shown this once and never again (only its hash is kept): with the
 * tracking number it lets the filer follow the case without an account. A filing of kind BOTH answers the complaint,
 * with the linked report's tracking number (the same query code opens both). A retried filing (the same
 * Idempotency-Key) answers the same tracking number, without the query code.
 *
 * @param lateFiling the harm was known more than 3 years before filing: received, but flagged for rejection (Art. 15)
 */
@Serdeable
@Schema(name = "FilingReceipt")
public record FilingReceipt(
        long id,
        @Schema(example = "TS20261203000123") String trackingNumber,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "Shown once")
        String queryCode,

        ComplaintKind kind,
        ComplaintStatus status,
        List<DeadlineView> deadlines,
        boolean lateFiling,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        String linkedTrackingNumber) {}
