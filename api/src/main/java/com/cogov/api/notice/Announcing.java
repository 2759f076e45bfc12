package com.cogov.api.notice;

import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Tells the pharmacies of a PHARMACIES notice that is out, through the notify piece, exactly once: the conditional
 * mark on the notice ({@code notified_at}) lets one caller through, whether the approval or the sweep gets there
 * first, and the notice key keeps the inboxes from a second copy even so.
 */
@Singleton
class Announcing {

    static final String TOPIC = "NOTICE";

    private final NoticeStore store;
    private final Notifier notifier;

    Announcing(NoticeStore store, Notifier notifier) {
        this.store = store;
        this.notifier = notifier;
    }

    /** @return whether the pharmacies were told now */
    @Transactional
    boolean announceIfOut(long id) {
        if (!store.markAnnounced(id)) {
            return false;
        }
        NoticeRow row = store.find(id).orElseThrow();
        notifier.toPharmacyManagersIn(
                row.districtCode(),
                new Notice(
                        "notice:" + id,
                        TOPIC,
                        "请阅读并确认：" + row.title(),
                        NoticeSanitiser.excerpt(row.body(), 120),
                        "/notices/" + id));
        return true;
    }
}
