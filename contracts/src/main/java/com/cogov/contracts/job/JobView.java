package com.cogov.contracts.job;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * A background job as its owner sees it (docs/platform: jobs). Its id is also the id of what it produces: an export's
 * file is {@code /portal/v1/exports/{id}/file}.
 */
@Serdeable
@Schema(name = "Job")
public record JobView(
        long id,

        @Schema(description = "What the job does, e.g. EXPORT")
        String type,

        JobState state,

        @Schema(description = "Units of work in all (rows, for an export); 0 while unknown")
        long total,

        @Schema(description = "Units done so far") long done,

        @Schema(description = "Units that failed (rows rejected, for an import)")
        long errors,

        @Schema(description = "done / total in whole percent; 100 when DONE")
        int percent,

        @Nullable @Schema(description = "A sentence for the owner, in Chinese", nullable = true)
        String message,

        @Nullable
        @Schema(
                description = "What the job produced, once DONE: for an export {rows, fileName, expiresAt}",
                nullable = true)
        Map<String, Object> result,

        Instant createdAt,
        @Nullable @Schema(nullable = true) Instant startedAt,
        @Nullable @Schema(nullable = true) Instant finishedAt) {}
