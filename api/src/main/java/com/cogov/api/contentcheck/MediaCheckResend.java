package com.cogov.api.contentcheck;

import com.cogov.api.job.SingleNode;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the images WeChat has not taken yet (it was down: with backoff) and sends again those whose verdict never
 * came back by the callback timeout, on one node of many (the jobs piece's {@link SingleNode}).
 */
@Singleton
class MediaCheckResend {

    private static final Logger LOG = LoggerFactory.getLogger(MediaCheckResend.class);
    private static final int BATCH = 100;

    private final SingleNode singleNode;
    private final MediaChecks media;

    MediaCheckResend(SingleNode singleNode, MediaChecks media) {
        this.singleNode = singleNode;
        this.media = media;
    }

    @Scheduled(
            fixedDelay = "${cogov.content-check.resend-every:1m}",
            initialDelay = "${cogov.content-check.resend-every:1m}")
    void scheduled() {
        singleNode.run("contentcheck.media-resend", Duration.ofMinutes(5), () -> {
            int sent = media.sendDue(ContentCheckService.SCENE_COMMENT, BATCH);
            if (sent > 0) {
                LOG.info("Sent {} image(s) to WeChat's content check again", sent);
            }
        });
    }
}
