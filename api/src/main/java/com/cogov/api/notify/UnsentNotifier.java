package com.cogov.api.notify;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stands in until the notify piece lands (issue 16): logs what would be sent. Remove it with that piece. */
@Singleton
@Secondary
class UnsentNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(UnsentNotifier.class);

    @Override
    public void toDistrictInspectors(String districtCode, Notice notice) {
        LOG.info("Notice {} for district {} not sent: notify is not built yet", notice.key(), districtCode);
    }
}
