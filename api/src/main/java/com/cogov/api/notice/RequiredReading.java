package com.cogov.api.notice;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.NoticeReaderView;
import com.cogov.contracts.notice.NoticeStatus;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;

/**
 * Required reading (信息接收): a clerk or manager confirms a PHARMACIES notice once (again changes nothing), and the
 * regulators see, pharmacy by pharmacy, who has and who has not confirmed, within their own district.
 */
@Singleton
class RequiredReading {

    private final NoticeLists lists;
    private final NoticeStore store;
    private final NoticeScope scope;
    private final ReadStore reads;
    private final Reading reading;
    private final AuditService audit;

    RequiredReading(
            NoticeLists lists,
            NoticeStore store,
            NoticeScope scope,
            ReadStore reads,
            Reading reading,
            AuditService audit) {
        this.lists = lists;
        this.store = store;
        this.scope = scope;
        this.reads = reads;
        this.reading = reading;
        this.audit = audit;
    }

    @Transactional
    PublishedNoticeView confirm(Actor reader, long id) {
        if (!Reading.staff(reader)) {
            throw new AccessDeniedException("只有药店店员和店长需要确认阅读");
        }
        NoticeLists.Reader as = reading.miniProgramReader(reader, null);
        lists.publishedOne(as, id).orElseThrow(NoticeNotFoundException::new);
        Instant first = reads.confirm(id, reader.accountId(), reader.pharmacyId());
        audit.record(reader, "notice.read", "notice", String.valueOf(id), AuditOutcome.SUCCESS, Map.of());
        PublishedNoticeView view = reading.get(as, id);
        return view.confirmedAt() != null ? view : withConfirmation(view, first);
    }

    /**
     * The pharmacies a published PHARMACIES notice is for, in the caller's district, that have ({@code read=true}) or
     * have not confirmed it. A district user reaches their district's notices and the city-wide ones.
     */
    @ReadOnly
    Page<NoticeReaderView> readers(Actor actor, long id, @Nullable String read, PageRequest page) {
        String district = scope.deskDistrict(actor);
        NoticeRow row = store.find(id).orElseThrow(NoticeNotFoundException::new);
        if (district != null && row.districtCode() != null && !district.equals(row.districtCode())) {
            throw new NoticeNotFoundException();
        }
        if (district != null && row.districtCode() == null && row.shownStatus() != NoticeStatus.PUBLISHED) {
            throw new NoticeNotFoundException(); // the city's drafts are the city's own
        }
        if (row.audience() != NoticeAudience.PHARMACIES) {
            throw NoticeRefusedException.notRequiredReading();
        }
        boolean confirmed = flag(read);
        long after = page.after() == null ? 0 : page.after().id();
        return Pages.of(
                reads.readers(id, row.districtCode(), district, confirmed, after, page.fetchSize()),
                page,
                r -> new Cursor(Instant.EPOCH, r.pharmacyId()),
                r -> r);
    }

    private static boolean flag(@Nullable String read) {
        if (read == null || read.isBlank() || "false".equals(read)) {
            return false;
        }
        if ("true".equals(read)) {
            return true;
        }
        throw NoticeRefusedException.query("read", "read 须为 true 或 false");
    }

    private static PublishedNoticeView withConfirmation(PublishedNoticeView v, Instant at) {
        return new PublishedNoticeView(
                v.id(),
                v.title(),
                v.body(),
                v.audience(),
                v.districtCode(),
                v.pinned(),
                v.publishedAt(),
                v.attachments(),
                v.requiredReading(),
                at);
    }
}
