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
        deliver(InboxStore.Recipients.inspectorsOf(districtCode), notice);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toPharmacyManagers(long pharmacyId, Notice notice) {
        deliver(InboxStore.Recipients.managersOf(pharmacyId), notice);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toPharmacyManagersIn(@io.micronaut.core.annotation.Nullable String districtCode, Notice notice) {
        deliver(InboxStore.Recipients.managersIn(districtCode), notice);
    }

    @Override
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void toAccount(long accountId, Notice notice) {
        deliver(InboxStore.Recipients.account(accountId), notice);
    }

    private void deliver(InboxStore.Recipients recipients, Notice notice) {
        Notice fitted = fitted(notice);
        inbox.write(recipients, fitted);
        if (topics.find(fitted.topic()).isPresent()) {
            inbox.queueWeChat(recipients, fitted);
        }
    }

    /**
     * A key or topic that cannot be stored is the caller's mistake and fails its change, as a constraint violation
     * would: tests find it at once. Text too long for its column is cut instead, so that the wording of a notice never
     * stops the change it reports.
     */
    private static Notice fitted(Notice notice) {
        require(notice.key(), 128, "key");
        require(notice.topic(), 32, "topic");
        require(notice.title(), Integer.MAX_VALUE, "title");
        require(notice.body(), Integer.MAX_VALUE, "body");
        String link = notice.link() == null || notice.link().length() > 255 ? null : notice.link();
        return new Notice(notice.key(), notice.topic(), cut(notice.title(), 64), cut(notice.body(), 500), link);
    }

    private static void require(String value, int maxLength, String name) {
        if (value == null || value.isBlank() || value.length() > maxLength) {
            throw new IllegalArgumentException("Notice " + name + " must be 1 to " + maxLength + " characters");
        }
    }

    private static String cut(String text, int maxLength) {
        return text.length() <= maxLength ? text : text.substring(0, maxLength - 1) + "…";
    }
}
