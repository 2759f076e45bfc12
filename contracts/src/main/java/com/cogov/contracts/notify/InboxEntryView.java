package com.cogov.contracts.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** One message of the signed-in user's in-app inbox. It never holds personal data. */
@Serdeable
@Schema(name = "InboxEntry")
public record InboxEntryView(
        long id,

        @Schema(
                description = "What it is about; mini-program users opt in to WeChat messages per topic",
                example = "ALERT")
        String topic,

        @Schema(description = "Short title", example = "新的预警：多区购药")
        String title,

        @Schema(description = "What happened and what to do")
        String body,

        @Nullable
        @Schema(description = "Where to act on it, a path of the front end", example = "/alerts/123", nullable = true)
        String link,

        @Schema(description = "When it arrived") Instant createdAt,

        @Nullable @Schema(description = "When the user marked it read; absent while unread", nullable = true)
        Instant readAt) {}
