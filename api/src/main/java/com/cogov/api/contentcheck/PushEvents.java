package com.cogov.api.contentcheck;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaMessage;
import com.cogov.api.shared.WeChatConfiguration;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WeChat's message push (消息推送, JSON mode, plaintext): the signature checked with WxJava
 * ({@code WxMaService.checkSignature}: SHA-1 of the sorted token, timestamp and nonce), a stale timestamp refused,
 * and the {@code wxa_media_check} event recorded by its trace id. Other events are acknowledged and ignored.
 */
@Singleton
class PushEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PushEvents.class);
    static final String MEDIA_CHECK = "wxa_media_check";

    private final WxMaService weChat;
    private final WeChatConfiguration weChatConfig;
    private final ContentCheckConfiguration config;
    private final MediaCheckStore store;
    private final ApplicationEventPublisher<MediaCheckedEvent> events;
    private final Clock clock;

    PushEvents(
            WxMaService weChat,
            WeChatConfiguration weChatConfig,
            ContentCheckConfiguration config,
            MediaCheckStore store,
            ApplicationEventPublisher<MediaCheckedEvent> events,
            Clock clock) {
        this.weChat = weChat;
        this.weChatConfig = weChatConfig;
        this.config = config;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    void verify(@Nullable String timestamp, @Nullable String nonce, @Nullable String signature) {
        if (weChatConfig.messagePushToken() == null
                || weChatConfig.messagePushToken().isBlank()) {
            throw new PushSignatureInvalidException("未配置消息推送令牌，拒绝所有推送");
        }
        if (timestamp == null || nonce == null || signature == null) {
            throw new PushSignatureInvalidException("推送缺少 signature、timestamp 或 nonce 参数");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new PushSignatureInvalidException("推送的 timestamp 不是时间戳");
        }
        if (!weChat.checkSignature(timestamp, nonce, signature)) {
            throw new PushSignatureInvalidException("推送的签名与消息推送令牌不符");
        }
        if (Math.abs(clock.instant().getEpochSecond() - sentAt)
                > config.pushMaxAge().toSeconds()) {
            throw new PushSignatureInvalidException("推送的时间戳已过期");
        }
    }

    /** @return whether the push was a media-check verdict that this call recorded */
    @Transactional
    boolean receive(String json) {
        WxMaMessage message;
        try {
            message = WxMaMessage.fromJson(json);
        } catch (RuntimeException e) {
            LOG.warn("Unreadable message push ignored: {}", e.getClass().getSimpleName());
            return false;
        }
        if (message == null || !MEDIA_CHECK.equals(message.getEvent()) || message.getTraceId() == null) {
            return false;
        }
        ContentSuggest verdict = ContentSuggest.ofWeChat(
                message.getResult() == null ? null : message.getResult().getSuggest());
        if (verdict == ContentSuggest.UNAVAILABLE) {
            // No verdict in it: the image stays pending and is sent again after the callback timeout.
            LOG.warn("Media-check push {} carried no verdict", message.getTraceId());
            return false;
        }
        Integer label = label(message);
        return store.decide(message.getTraceId(), verdict.name(), label, clock.instant())
                .map(row -> {
                    events.publishEvent(new MediaCheckedEvent(row.purpose(), row.fileId(), verdict));
                    return true;
                })
                .orElse(false);
    }

    private static @Nullable Integer label(WxMaMessage message) {
        try {
            return message.getResult().getLabel() == null
                    ? null
                    : Integer.valueOf(message.getResult().getLabel());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
