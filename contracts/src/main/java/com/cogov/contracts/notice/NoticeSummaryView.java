package com.cogov.contracts.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A row of the desk's list of notices (no body). */
@Serdeable
@Schema(name = "NoticeSummary")
public record NoticeSummaryView(
        long id,
        String title,
        NoticeAudience audience,
        @Nullable @Schema(nullable = true) String districtCode,
        boolean pinned,
        NoticeStatus status,
        @Nullable @Schema(nullable = true) Instant publishAt,
        @Nullable @Schema(nullable = true) Instant publishedAt,
        long authorAccountId,
        Instant updatedAt) {}
