package com.cogov.api.file;

import com.cogov.api.job.SingleNode;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes expired files (exports after 24 h) every quarter hour, on one node of many. */
@Singleton
class FileCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(FileCleanup.class);

    private final SingleNode singleNode;
    private final FileService files;

    FileCleanup(SingleNode singleNode, FileService files) {
        this.singleNode = singleNode;
        this.files = files;
    }

    @Scheduled(fixedDelay = "${cogov.files.cleanup-interval:15m}", initialDelay = "1m")
    void removeExpired() {
        singleNode.run("files.cleanup", Duration.ofMinutes(10), () -> {
            int removed = files.deleteExpired();
            if (removed > 0) {
                LOG.info("Removed {} expired file(s)", removed);
            }
        });
    }
}
