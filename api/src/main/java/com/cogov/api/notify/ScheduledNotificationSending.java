package com.cogov.api.notify;

import com.cogov.api.job.SingleNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the WeChat outbox every few seconds on one node (docs/platform: jobs). The claim of each message already keeps
 * two senders from sending it twice; the one-node lock only saves the other nodes the work. Off with
 * {@code cogov.notify.sender.enabled=false} (the tests drive the sender themselves).
 */
@Singleton
@Requires(
        property = ScheduledNotificationSending.ENABLED,
        notEquals = StringUtils.FALSE,
        defaultValue = StringUtils.TRUE)
class ScheduledNotificationSending {

    static final String ENABLED = "cogov.notify.sender.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledNotificationSending.class);

    private final SingleNode singleNode;
    private final SubscribeMessageSender sender;
    private final NotifyConfiguration configuration;

    ScheduledNotificationSending(
            SingleNode singleNode, SubscribeMessageSender sender, NotifyConfiguration configuration) {
        this.singleNode = singleNode;
        this.sender = sender;
        this.configuration = configuration;
    }

    @Scheduled(fixedDelay = "${cogov.notify.send-interval:5s}", initialDelay = "${cogov.notify.send-interval:5s}")
    void sendDue() {
        try {
            singleNode.run("notify.send", configuration.claimLease(), sender::sendDue);
        } catch (RuntimeException e) { // the database unreachable: the next run picks the messages up
            LOG.warn("WeChat outbox not worked this time: {}", e.toString());
        }
    }
}
