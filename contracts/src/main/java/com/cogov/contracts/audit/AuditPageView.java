package com.cogov.contracts.audit;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of an audit search, newest first. */
@Serdeable
@Schema(name = "AuditPage")
public record AuditPageView(
        List<AuditEventView> items,
        @Schema(description = "0-based page number") int page,

        @Schema(description = "Page size as applied (at most 200)")
        int size,

        @Schema(description = "Whether a further page has at least one entry")
        boolean hasMore) {}
