package com.cogov.api.notify;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * The platform's {@link Notifier}: writes the notice into the recipients' inboxes and, for those who opted in to its
 * topic, into the WeChat outbox, in the caller's transaction (MANDATORY: called outside one, it fails at once rather
 * than telling people about a change that may yet roll back). The sender ({@link SubscribeMessageSender}) works the
 * outbox afterwards, so the caller never waits for WeChat.
 */
@Singleton
class OutboxNotifier implements Notifier {

    private final InboxStore inbox;
    private final NotifyTopics topics;

    OutboxNotifier(InboxStore inbox, NotifyTopics topics) {
        this.inbox = inbox;
        this.topics = topics;
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toDistrictInspectors(String districtCode, Notice notice) {
        requireWellFormed(notice);
        inbox.writeForDistrictInspectors(districtCode, notice);
        if (topics.find(notice.topic()).isPresent()) {
            inbox.queueWeChatForDistrictInspectors(districtCode, notice);
        }
    }

    /** A caller's mistake, not a user's: fails the caller's change, as a constraint violation would. */
    private static void requireWellFormed(Notice notice) {
        check(notice.key(), 128, "key");
        check(notice.topic(), 32, "topic");
        check(notice.title(), 64, "title");
        check(notice.body(), 500, "body");
        if (notice.link() != null && notice.link().length() > 255) {
            throw new IllegalArgumentException("Notice link longer than 255 characters");
        }
    }

    private static void check(String value, int maxLength, String name) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("Notice " + name + " must be 1 to " + maxLength + " characters");
        }
    }
}
