package com.cogov.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as its filer follows it: status, deadlines and the replies addressed to them. Never the handlers' internal
 * notes, never who handles it.
 */
@Serdeable
@Schema(name = "ComplaintStatusView")
public record ComplaintStatusView(
        String trackingNumber,
        ComplaintKind kind,
        ComplaintCategory category,
        ComplaintStatus status,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, type = "string")
        ComplaintOutcome outcome,

        LocalDate receivedOn,
        List<DeadlineView> deadlines,
        List<Reply> replies,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        String linkedTrackingNumber) {

    /** What the handling office told the filer: a reply, or the notice of a decision. */
    @Serdeable
    @Schema(name = "ComplaintReply")
    public record Reply(Instant at, String text) {}
}
