package com.cogov.contracts.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A published notice as readers get it. In lists {@code body} and {@code attachments} are left out (null and empty),
 * so a page stays small on a weak network.
 *
 * @param requiredReading a PHARMACIES notice: clerks and managers confirm it with {@code POST …/{id}/read}
 * @param confirmedAt     when the signed-in clerk or manager confirmed it; null otherwise
 */
@Serdeable
@Schema(name = "PublishedNotice")
public record PublishedNoticeView(
        long id,
        String title,

        @Nullable @Schema(nullable = true, description = "Sanitised HTML; null in lists")
        String body,

        NoticeAudience audience,

        @Nullable @Schema(nullable = true, description = "null: city-wide")
        String districtCode,

        boolean pinned,
        Instant publishedAt,
        List<NoticeAttachmentView> attachments,
        boolean requiredReading,
        @Nullable @Schema(nullable = true) Instant confirmedAt) {}
