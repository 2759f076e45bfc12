package com.cogov.api.notice;

import com.cogov.api.file.FileDownload;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.NoticeStatus;
import com.cogov.contracts.notice.NoticeSummaryView;
import com.cogov.contracts.notice.NoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Locale;

/** The authors' and approvers' desk: their notices in every status, newest first, and one notice in full. */
@Singleton
class Desk {

    private final NoticeScope scope;
    private final NoticeLists lists;
    private final NoticeAttachments attachments;
    private final ReadStore reads;

    Desk(NoticeScope scope, NoticeLists lists, NoticeAttachments attachments, ReadStore reads) {
        this.scope = scope;
        this.lists = lists;
        this.attachments = attachments;
        this.reads = reads;
    }

    @ReadOnly
    Page<NoticeSummaryView> list(Actor actor, @Nullable String status, PageRequest page) {
        String district = scope.deskDistrict(actor);
        return Pages.of(
                lists.desk(district, status(status), page),
                page,
                r -> new Cursor(r.createdAt(), r.id()),
                Desk::summary);
    }

    @ReadOnly
    NoticeView get(Actor actor, long id) {
        return view(actor, scope.onDesk(actor, id));
    }

    @ReadOnly
    FileDownload attachment(Actor actor, long id, String fileId) {
        scope.onDesk(actor, id);
        return attachments.open(id, fileId).orElseThrow(NoticeNotFoundException::new);
    }

    NoticeView view(Actor actor, NoticeRow row) {
        NoticeView.Reading reading = null;
        if (row.audience() == NoticeAudience.PHARMACIES && row.shownStatus() == NoticeStatus.PUBLISHED) {
            long[] counted = reads.count(row.id(), row.districtCode(), scope.deskDistrict(actor));
            reading = new NoticeView.Reading(counted[0], counted[1]);
        }
        return new NoticeView(
                row.id(),
                row.title(),
                row.body(),
                row.audience(),
                row.districtCode(),
                row.pinned(),
                row.shownStatus(),
                row.publishAt(),
                row.publishedAt(),
                row.authorAccountId(),
                row.approverAccountId(),
                attachments.of(row.id()),
                reading,
                row.createdAt(),
                row.updatedAt());
    }

    private static NoticeSummaryView summary(NoticeRow r) {
        return new NoticeSummaryView(
                r.id(),
                r.title(),
                r.audience(),
                r.districtCode(),
                r.pinned(),
                r.shownStatus(),
                r.publishAt(),
                r.publishedAt(),
                r.authorAccountId(),
                r.updatedAt());
    }

    private static @Nullable NoticeStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return NoticeStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw NoticeRefusedException.query("status", "status 须为 DRAFT、SUBMITTED、SCHEDULED、PUBLISHED 或 WITHDRAWN");
        }
    }
}
