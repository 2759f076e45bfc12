package com.cogov.api.web;

import com.cogov.api.notify.NotificationService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notify.InboxEntryView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;

/** The inbox routes ({@link InboxOperations}) as both apps serve them, each under its own {@code @Controller} prefix. */
public abstract class InboxEndpoints implements InboxOperations {

    protected final NotificationService notifications;

    protected InboxEndpoints(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public Page<InboxEntryView> inbox(
            @Nullable String unread, @Nullable String cursor, @Nullable Integer limit, Actor reader) {
        return notifications.inbox(reader, unread, PageRequest.of(limit, cursor));
    }

    @Override
    public InboxEntryView markRead(long id, Actor reader) {
        return notifications.markRead(reader, id);
    }
}
