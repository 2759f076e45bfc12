package com.cogov.api.notice;

import com.cogov.api.job.SingleNode;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.util.StringUtils;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the pharmacies of scheduled notices when their time comes: every half minute by default, on one node of many
 * (docs/platform: jobs). Whether a notice is out is decided when it is read, so a late sweep only delays the inbox
 * message, never the notice. Off with {@code cogov.notice.announce.enabled=false}.
 */
@Singleton
@Requires(property = ScheduledAnnouncing.ENABLED, notEquals = StringUtils.FALSE, defaultValue = StringUtils.TRUE)
class ScheduledAnnouncing {

    static final String ENABLED = "cogov.notice.announce.enabled";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledAnnouncing.class);

    private final SingleNode singleNode;
    private final NoticeStore store;
    private final Announcing announcing;

    ScheduledAnnouncing(SingleNode singleNode, NoticeStore store, Announcing announcing) {
        this.singleNode = singleNode;
        this.store = store;
        this.announcing = announcing;
    }

    @Scheduled(
            fixedDelay = "${cogov.notice.announce.interval:30s}",
            initialDelay = "${cogov.notice.announce.interval:30s}")
    void announceDue() {
        try {
            singleNode.run("notice.announce", Duration.ofMinutes(5), this::announceAll);
        } catch (RuntimeException e) { // the database unreachable: the next run makes up for it
            LOG.warn("Scheduled notices not announced this time: {}", e.toString());
        }
    }

    private void announceAll() {
        for (Long id : store.unannounced(100)) {
            announcing.announceIfOut(id);
        }
    }
}
