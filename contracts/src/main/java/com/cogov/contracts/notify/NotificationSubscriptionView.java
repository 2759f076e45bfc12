package com.cogov.contracts.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A topic of WeChat subscribe messages and whether the signed-in user receives them. The mini-program asks the user
 * with {@code wx.requestSubscribeMessage({tmplIds: [templateId]})} and, when accepted, records it with
 * {@code PUT /mp/v1/notification-subscriptions/{topic}}.
 */
@Serdeable
@Schema(name = "NotificationSubscription")
public record NotificationSubscriptionView(
        @Schema(example = "ALERT") String topic,

        @Schema(description = "The WeChat subscribe-message template to request consent for")
        String templateId,

        boolean subscribed,

        @Nullable @Schema(description = "When the user opted in; absent when not subscribed", nullable = true)
        Instant subscribedAt) {}
