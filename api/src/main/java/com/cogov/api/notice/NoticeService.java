package com.cogov.api.notice;

import com.cogov.api.file.FileDownload;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.notice.NoticeAttachmentView;
import com.cogov.contracts.notice.NoticeReaderView;
import com.cogov.contracts.notice.NoticeRequests;
import com.cogov.contracts.notice.NoticeSummaryView;
import com.cogov.contracts.notice.NoticeView;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * The notices feature's entry (通知通告, docs/notices.md): the city and the districts write notices, the city approves
 * them (never their own), and readers get the published ones for their audience; notices to pharmacies are required
 * reading, confirmed by their staff and counted for the regulators. A thin entry over one class per use case.
 */
@Singleton
public class NoticeService {

    private final Drafting drafting;
    private final Review review;
    private final Desk desk;
    private final Reading reading;
    private final RequiredReading requiredReading;

    NoticeService(Drafting drafting, Review review, Desk desk, Reading reading, RequiredReading requiredReading) {
        this.drafting = drafting;
        this.review = review;
        this.desk = desk;
        this.reading = reading;
        this.requiredReading = requiredReading;
    }

    // ---------------------------------------------------------------- the desk (portal: city and districts)

    /** A draft; its body sanitised (422 NOTICE_BODY_EMPTY when nothing is left). */
    public NoticeView create(Actor author, NoticeRequests.Create request) {
        return desk.get(author, drafting.create(author, request));
    }

    public NoticeView edit(Actor editor, long id, NoticeRequests.Edit request) {
        drafting.edit(editor, id, request);
        return desk.get(editor, id);
    }

    public NoticeView submit(Actor actor, long id) {
        review.submit(actor, id);
        return desk.get(actor, id);
    }

    /** The city only (403 otherwise); 409 NOTICE_OWN_APPROVAL for the notice's author. */
    public NoticeView approve(Actor actor, long id) {
        review.approve(actor, id);
        return desk.get(actor, id);
    }

    public NoticeView withdraw(Actor actor, long id) {
        review.withdraw(actor, id);
        return desk.get(actor, id);
    }

    /** The desk's list, newest first; {@code status} one of the shown statuses. */
    public Page<NoticeSummaryView> list(Actor actor, @Nullable String status, PageRequest page) {
        return desk.list(actor, status, page);
    }

    public NoticeView get(Actor actor, long id) {
        return desk.get(actor, id);
    }

    /** An image or PDF (at most 10 MB) for a later notice of the same author. */
    public NoticeAttachmentView upload(Actor author, byte[] content) {
        return drafting.upload(author, content);
    }

    public FileDownload deskAttachment(Actor actor, long id, String fileId) {
        return desk.attachment(actor, id, fileId);
    }

    /** Who has (or has not) confirmed a PHARMACIES notice, pharmacy by pharmacy, in the caller's district. */
    public Page<NoticeReaderView> readers(Actor actor, long id, @Nullable String read, PageRequest page) {
        return requiredReading.readers(actor, id, read, page);
    }

    // ---------------------------------------------------------------- readers

    /** The public web: published PUBLIC notices, pinned first, newest next. */
    public Page<PublishedNoticeView> publicList(@Nullable String districtCode, PageRequest page) {
        return reading.list(reading.publicReader(districtCode), page);
    }

    public PublishedNoticeView publicGet(long id) {
        return reading.get(reading.publicReader(null), id);
    }

    public FileDownload publicAttachment(long id, String fileId) {
        return reading.attachment(reading.publicReader(null), id, fileId);
    }

    /** The mini-program: pharmacy staff their PHARMACIES notices, everyone else PUBLIC ones. */
    public Page<PublishedNoticeView> miniProgramList(Actor reader, @Nullable String districtCode, PageRequest page) {
        return reading.list(reading.miniProgramReader(reader, districtCode), page);
    }

    public PublishedNoticeView miniProgramGet(Actor reader, long id) {
        return reading.get(reading.miniProgramReader(reader, null), id);
    }

    public FileDownload miniProgramAttachment(Actor reader, long id, String fileId) {
        return reading.attachment(reading.miniProgramReader(reader, null), id, fileId);
    }

    /** A clerk or manager confirms a PHARMACIES notice (again: no change). */
    public PublishedNoticeView confirm(Actor reader, long id) {
        return requiredReading.confirm(reader, id);
    }
}
