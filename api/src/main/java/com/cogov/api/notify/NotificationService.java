package com.cogov.api.notify;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.notify.NotificationSubscriptionView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The notify feature's entry (docs/notifications.md): a signed-in user's inbox, and their opt-ins to WeChat subscribe
 * messages. Other features tell people through the {@link Notifier} port, inside their own transaction.
 */
@Singleton
public class NotificationService {

    private final InboxStore inbox;
    private final NotifyTopics topics;

    NotificationService(InboxStore inbox, NotifyTopics topics) {
        this.inbox = inbox;
        this.topics = topics;
    }

    /**
     * The reader's own entries, newest first; only the unread ones when {@code unread} is {@code true}.
     *
     * @param unread {@code true}, {@code false} or absent, as the query string has it; anything else is a 400
     */
    public Page<InboxEntryView> inbox(Actor reader, @Nullable String unread, PageRequest page) {
        boolean unreadOnly;
        if (unread == null || unread.isEmpty() || unread.equals("false")) {
            unreadOnly = false;
        } else if (unread.equals("true")) {
            unreadOnly = true;
        } else {
            throw new InboxQueryInvalidException("unread", "须为 true 或 false");
        }
        return Pages.of(
                inbox.page(accountOf(reader), unreadOnly, page),
                page,
                InboxStore.Entry::cursor,
                NotificationService::view);
    }

    /** Marks the reader's entry read; marking it again changes nothing. Another user's entry is not found (404). */
    public InboxEntryView markRead(Actor reader, long entryId) {
        return inbox.markRead(accountOf(reader), entryId)
                .map(NotificationService::view)
                .orElseThrow(() -> new InboxEntryNotFoundException(entryId));
    }

    /** Every topic that can be received as a WeChat message, with whether this user does. */
    public List<NotificationSubscriptionView> subscriptions(Actor user) {
        Map<String, InboxStore.Subscription> mine = inbox.subscriptions(accountOf(user)).stream()
                .collect(Collectors.toMap(InboxStore.Subscription::topic, Function.identity()));
        return topics.all().stream()
                .map(t -> {
                    InboxStore.Subscription s = mine.get(t.topic());
                    return new NotificationSubscriptionView(
                            t.topic(), t.templateId(), s != null, s == null ? null : s.subscribedAt());
                })
                .toList();
    }

    /** Records that the user accepted the topic's template in {@code wx.requestSubscribeMessage}. */
    public NotificationSubscriptionView subscribe(Actor user, String topic) {
        NotifyTopic known = topics.find(topic).orElseThrow(() -> new NotificationTopicNotFoundException(topic));
        inbox.subscribe(accountOf(user), known.topic());
        return subscriptionTo(user, known);
    }

    /** Stops the topic's WeChat messages, including those not sent yet; the inbox still receives them. */
    public NotificationSubscriptionView unsubscribe(Actor user, String topic) {
        NotifyTopic known = topics.find(topic).orElseThrow(() -> new NotificationTopicNotFoundException(topic));
        inbox.unsubscribe(accountOf(user), known.topic());
        return subscriptionTo(user, known);
    }

    private NotificationSubscriptionView subscriptionTo(Actor user, NotifyTopic topic) {
        return subscriptions(user).stream()
                .filter(s -> s.topic().equals(topic.topic()))
                .findFirst()
                .orElseThrow();
    }

    private static long accountOf(Actor actor) {
        if (actor.accountId() == null) {
            throw new AccessDeniedException("只有登录的工作人员可以查看消息");
        }
        return actor.accountId();
    }

    private static InboxEntryView view(InboxStore.Entry e) {
        return new InboxEntryView(e.id(), e.topic(), e.title(), e.body(), e.link(), e.createdAt(), e.readAt());
    }
}
