package com.cogov.api.notice;

import com.cogov.api.file.FileDownload;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.notice.NoticeAudience;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Readers' notices: published ones for the reader's audience. The public (anyone on the public web, anyone in the
 * mini-program who is not pharmacy staff) reads PUBLIC notices, city-wide and every district's, or with
 * {@code districtCode} one district's together with the city-wide ones. A clerk or manager reads PHARMACIES notices
 * for their pharmacy's district (its current one, not their token's) and the city-wide ones.
 */
@Singleton
class Reading {

    private final NoticeLists lists;
    private final NoticeScope scope;
    private final NoticeAttachments attachments;
    private final PharmacyService pharmacies;

    Reading(NoticeLists lists, NoticeScope scope, NoticeAttachments attachments, PharmacyService pharmacies) {
        this.lists = lists;
        this.scope = scope;
        this.attachments = attachments;
        this.pharmacies = pharmacies;
    }

    @ReadOnly
    Page<PublishedNoticeView> list(NoticeLists.Reader reader, PageRequest page) {
        return Pages.of(lists.published(reader, page), page, NoticeLists::readingCursor, p -> view(p, false));
    }

    @ReadOnly
    PublishedNoticeView get(NoticeLists.Reader reader, long id) {
        return view(lists.publishedOne(reader, id).orElseThrow(NoticeNotFoundException::new), true);
    }

    @ReadOnly
    FileDownload attachment(NoticeLists.Reader reader, long id, String fileId) {
        lists.publishedOne(reader, id).orElseThrow(NoticeNotFoundException::new);
        return attachments.open(id, fileId).orElseThrow(NoticeNotFoundException::new);
    }

    /** The public web: PUBLIC notices, whoever calls (its answers are cached publicly, so never per caller). */
    NoticeLists.Reader publicReader(@Nullable String districtCode) {
        return new NoticeLists.Reader(
                NoticeAudience.PUBLIC, districtCode == null ? null : scope.known(districtCode), null);
    }

    /** The mini-program: pharmacy staff read their pharmacies' notices; everyone else the public's. */
    @ReadOnly
    NoticeLists.Reader miniProgramReader(Actor actor, @Nullable String districtCode) {
        if (!staff(actor)) {
            return publicReader(districtCode);
        }
        String own = pharmacies
                .find(actor.pharmacyId())
                .map(p -> p.districtCode())
                .orElseThrow(NoticeNotFoundException::new);
        if (districtCode != null && !own.equals(scope.known(districtCode))) {
            throw NoticeScope.districtNotFound(districtCode);
        }
        return new NoticeLists.Reader(NoticeAudience.PHARMACIES, own, actor.accountId());
    }

    static boolean staff(Actor actor) {
        // an anonymous reader has no role: List.contains(null) would throw
        return (actor.role() == Role.PHARMACY_CLERK || actor.role() == Role.PHARMACY_MANAGER)
                && actor.pharmacyId() != null;
    }

    private PublishedNoticeView view(NoticeLists.Published p, boolean full) {
        NoticeRow n = p.notice();
        return new PublishedNoticeView(
                n.id(),
                n.title(),
                full ? n.body() : null,
                n.audience(),
                n.districtCode(),
                n.pinned(),
                n.publishedAt(),
                full ? attachments.of(n.id()) : List.of(),
                n.audience() == NoticeAudience.PHARMACIES,
                p.confirmedAt());
    }
}
