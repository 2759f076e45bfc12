package com.cogov.api.notify;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import com.cogov.api.shared.CityConfiguration;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the due WeChat subscribe messages of the outbox through WxJava ({@code subscribe/send}). Each message is
 * claimed before it is sent, so it is sent by one sender however many run; its outcome is then recorded: sent, tried
 * again later with a growing wait, or given up with WeChat's reason kept.
 *
 * <p>At least once, not exactly once: WeChat's {@code subscribe/send} takes no idempotency key. When the answer is
 * lost (a timeout after WeChat accepted, or the node stopping between the send and recording it), the message is sent
 * again, and its reader may see it twice. A message WeChat refused is never sent twice.
 */
@Singleton
class SubscribeMessageSender {

    private static final Logger LOG = LoggerFactory.getLogger(SubscribeMessageSender.class);
    /**
     * WeChat's answers that no retry changes: the user refused or used up the subscription (43101), a bad openid
     * (40003), template (40037), data (47003) or page (41030).
     */
    private static final Set<Integer> FINAL_REFUSALS = Set.of(43101, 40003, 40037, 47003, 41030);
    /** A {@code thing} field of a subscribe message takes at most 20 characters. */
    private static final int THING_LENGTH = 20;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm");

    private final OutboxStore outbox;
    private final NotifyTopics topics;
    private final NotifyConfiguration configuration;
    private final WxMaService weChat;
    private final CityConfiguration city;

    SubscribeMessageSender(
            OutboxStore outbox,
            NotifyTopics topics,
            NotifyConfiguration configuration,
            WxMaService weChat,
            CityConfiguration city) {
        this.outbox = outbox;
        this.topics = topics;
        this.configuration = configuration;
        this.weChat = weChat;
        this.city = city;
    }

    /** One pass over the due messages. @return how many were sent */
    int sendDue() {
        int released = outbox.releaseExpiredClaims(configuration.maxAttempts());
        if (released > 0) {
            LOG.warn("{} WeChat message(s) claimed by a sender that stopped: sending again", released);
        }
        int sent = 0;
        for (long id : outbox.due(configuration.batchSize())) {
            if (outbox.claim(id, configuration.claimLease())) {
                sent += outbox.claimed(id).map(this::send).orElse(false) ? 1 : 0;
            }
        }
        return sent;
    }

    private boolean send(OutboxStore.Message message) {
        NotifyTopic topic = topics.find(message.topic()).orElse(null);
        if (topic == null) {
            outbox.giveUp(message.id(), "no WeChat template configured for topic " + message.topic());
            return false;
        }
        if (message.openid() == null) {
            outbox.giveUp(message.id(), "recipient no longer active or opted out of " + message.topic());
            return false;
        }
        try {
            weChat.getMsgService().sendSubscribeMsg(subscribeMessage(topic, message));
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            String reason = "WeChat errcode " + code + ": "
                    + (e.getError() == null ? "" : e.getError().getErrorMsg());
            if (FINAL_REFUSALS.contains(code)) {
                LOG.info("WeChat message {} refused for good ({})", message.id(), code);
                outbox.giveUp(message.id(), reason);
            } else {
                failed(message, reason);
            }
            return false;
        } catch (RuntimeException e) {
            // The class only: WxJava's messages may carry the request URL with the access token. WeChat may have
            // accepted the message before the failure: trying again is the at-least-once edge documented above.
            failed(message, "outcome unknown: " + e.getClass().getName());
            return false;
        }
        outbox.sent(message.id());
        return true;
    }

    private void failed(OutboxStore.Message message, String reason) {
        if (message.attempts() >= configuration.maxAttempts()) {
            LOG.warn("WeChat message {} given up after {} attempts: {}", message.id(), message.attempts(), reason);
            outbox.giveUp(message.id(), reason);
        } else {
            outbox.retryLater(message.id(), configuration.backoff(message.attempts()), reason);
        }
    }

    private WxMaSubscribeMessage subscribeMessage(NotifyTopic topic, OutboxStore.Message message) {
        return WxMaSubscribeMessage.builder()
                .toUser(message.openid())
                .templateId(topic.templateId())
                .page(topic.page() + "?id=" + message.inboxEntryId())
                .miniprogramState(configuration.miniprogramState())
                .lang("zh_CN")
                .data(List.of(
                        new WxMaSubscribeMessage.MsgData(topic.titleField(), thing(message.title())),
                        new WxMaSubscribeMessage.MsgData(topic.bodyField(), thing(message.body())),
                        new WxMaSubscribeMessage.MsgData(
                                topic.timeField(),
                                TIME.format(message.createdAt().atZone(city.zone())))))
                .build();
    }

    private static String thing(String text) {
        return text.length() <= THING_LENGTH ? text : text.substring(0, THING_LENGTH - 1) + "…";
    }
}
