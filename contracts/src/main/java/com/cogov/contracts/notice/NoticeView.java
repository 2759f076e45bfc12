package com.cogov.contracts.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A notice as its authors and approvers see it on the desk.
 *
 * @param body        the sanitised HTML, exactly as readers get it
 * @param reading     for PHARMACIES notices: how many pharmacies in the caller's scope have confirmed; null otherwise
 */
@Serdeable
@Schema(name = "Notice")
public record NoticeView(
        long id,
        String title,
        String body,
        NoticeAudience audience,

        @Nullable @Schema(nullable = true, description = "null: city-wide")
        String districtCode,

        boolean pinned,
        NoticeStatus status,
        @Nullable @Schema(nullable = true) Instant publishAt,
        @Nullable @Schema(nullable = true) Instant publishedAt,
        long authorAccountId,
        @Nullable @Schema(nullable = true) Long approverAccountId,
        List<NoticeAttachmentView> attachments,
        @Nullable @Schema(nullable = true, type = "object") Reading reading,
        Instant createdAt,
        Instant updatedAt) {

    /** Required reading counted over the active pharmacies the notice is for, within the caller's district. */
    @Serdeable
    @Schema(name = "NoticeReading")
    public record Reading(long pharmacies, long confirmed) {}
}
