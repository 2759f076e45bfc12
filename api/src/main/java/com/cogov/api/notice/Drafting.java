package com.cogov.api.notice;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notice.NoticeAttachmentView;
import com.cogov.contracts.notice.NoticeRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Writing a notice: a draft, its edits while it is a draft (or withdrawn), and its files. */
@Singleton
class Drafting {

    private final NoticeStore store;
    private final NoticeScope scope;
    private final NoticeAttachments attachments;
    private final AuditService audit;
    private final Clock clock;

    Drafting(NoticeStore store, NoticeScope scope, NoticeAttachments attachments, AuditService audit, Clock clock) {
        this.store = store;
        this.scope = scope;
        this.attachments = attachments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    long create(Actor author, NoticeRequests.Create request) {
        NoticeStore.Content content = new NoticeStore.Content(
                request.title().strip(),
                NoticeSanitiser.clean(request.body()),
                request.audience(),
                scope.targetDistrict(author, request.districtCode()),
                Boolean.TRUE.equals(request.pinned()),
                publishAt(request.publishAt()));
        long id = store.insert(content, author.accountId());
        attachments.replace(id, author.accountId(), request.attachmentIds());
        audit.record(author, "notice.create", "notice", String.valueOf(id), AuditOutcome.SUCCESS, details(content));
        return id;
    }

    @Transactional
    void edit(Actor editor, long id, NoticeRequests.Edit request) {
        NoticeRow row = scope.onDesk(editor, id);
        if (!row.editable()) {
            throw NoticeRefusedException.transition(row.shownStatus().name(), "修改（撤回后可修改）");
        }
        String district = row.districtCode();
        if (Boolean.TRUE.equals(request.cityWide())) {
            district = scope.targetDistrict(editor, null);
        } else if (request.districtCode() != null) {
            district = scope.targetDistrict(editor, request.districtCode());
        }
        NoticeStore.Content content = new NoticeStore.Content(
                request.title() == null ? row.title() : request.title().strip(),
                request.body() == null ? row.body() : NoticeSanitiser.clean(request.body()),
                request.audience() == null ? row.audience() : request.audience(),
                district,
                request.pinned() == null ? row.pinned() : request.pinned(),
                Boolean.TRUE.equals(request.publishOnApproval())
                        ? null
                        : request.publishAt() == null ? row.publishAt() : publishAt(request.publishAt()));
        if (!store.update(id, content)) {
            throw NoticeRefusedException.transition("已提交", "修改");
        }
        if (request.attachmentIds() != null) {
            attachments.replace(id, editor.accountId(), request.attachmentIds());
        }
        audit.record(editor, "notice.edit", "notice", String.valueOf(id), AuditOutcome.SUCCESS, details(content));
    }

    NoticeAttachmentView upload(Actor author, byte[] content) {
        scope.deskDistrict(author);
        return attachments.upload(author.accountId(), content);
    }

    /**
     * A publishing time within a year (the columns hold instants up to 2038 on MySQL, and a date years ahead is a
     * typo); one already past means as soon as approved, as an absent one does.
     */
    private @Nullable Instant publishAt(@Nullable Instant requested) {
        if (requested == null) {
            return null;
        }
        Instant now = clock.instant();
        if (requested.isAfter(now.plus(Duration.ofDays(366)))) {
            throw NoticeRefusedException.publishAt();
        }
        return requested.isBefore(now) ? null : requested;
    }

    private static Map<String, String> details(NoticeStore.Content c) {
        return Map.of(
                "audience", c.audience().name(),
                "district", c.districtCode() == null ? "city" : c.districtCode(),
                "pinned", String.valueOf(c.pinned()));
    }
}
