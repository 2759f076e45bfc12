package com.cogov.api.complaint;

import com.cogov.api.file.FileDownload;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintCaseView;
import com.cogov.contracts.complaint.ComplaintCategory;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintOutcome;
import com.cogov.contracts.complaint.ComplaintStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * A case as its handlers read it, with its timeline and attachments; the person masked, shown in full only with a
 * reason that the audit trail keeps (Art. 33); their files, served to handlers in scope only.
 */
@Singleton
class CaseFile {

    private final ComplaintStore cases;
    private final TimelineStore timeline;
    private final CaseAttachments attachments;
    private final PrivacyService privacy;

    CaseFile(ComplaintStore cases, TimelineStore timeline, CaseAttachments attachments, PrivacyService privacy) {
        this.cases = cases;
        this.timeline = timeline;
        this.attachments = attachments;
        this.privacy = privacy;
    }

    @ReadOnly
    ComplaintCaseView read(Actor handler, long id) {
        CaseRow c = Handlers.inScope(handler, cases.find(id).orElseThrow(ComplaintNotFoundException::new));
        return view(c, person(c, false));
    }

    /** The person in full, for a reason; recorded in the audit trail (privacy.unmask) field by field. */
    @Transactional
    ComplaintCaseView.Person unmask(Actor handler, long id, String reason) {
        CaseRow c = Handlers.inScope(handler, cases.find(id).orElseThrow(ComplaintNotFoundException::new));
        if (c.nameSealed() == null) {
            throw new ComplaintTransitionException("匿名举报没有举报人信息");
        }
        String target = String.valueOf(c.id());
        return new ComplaintCaseView.Person(
                privacy.unmask(handler, reason, "complaint", target, PersonalField.NAME, c.nameSealed()),
                privacy.unmask(handler, reason, "complaint", target, PersonalField.PHONE, c.phoneSealed()),
                privacy.unmask(handler, reason, "complaint", target, PersonalField.ADDRESS, c.addressSealed()));
    }

    /** One of the case's files (or its linked case's, the other half of the same filing). */
    @ReadOnly
    Optional<FileDownload> attachment(Actor handler, long id, String fileId) {
        CaseRow c = Handlers.inScope(handler, cases.find(id).orElseThrow(ComplaintNotFoundException::new));
        Optional<FileDownload> own = attachments.open(c.id(), fileId);
        return own.isPresent() || c.linkedId() == null ? own : attachments.open(c.linkedId(), fileId);
    }

    private @Nullable ComplaintCaseView.Person person(CaseRow c, boolean full) {
        if (c.nameSealed() == null) {
            return null;
        }
        String name = privacy.open(c.nameSealed());
        String phone = privacy.open(c.phoneSealed());
        String address = privacy.open(c.addressSealed());
        return full
                ? new ComplaintCaseView.Person(name, phone, address)
                : new ComplaintCaseView.Person(
                        privacy.mask(PersonalField.NAME, name),
                        privacy.mask(PersonalField.PHONE, phone),
                        privacy.mask(PersonalField.ADDRESS, address));
    }

    private ComplaintCaseView view(CaseRow c, @Nullable ComplaintCaseView.Person person) {
        var files =
                attachments.of(c.linkedId() != null && attachments.of(c.id()).isEmpty() ? c.linkedId() : c.id());
        return new ComplaintCaseView(
                c.id(),
                c.trackingNumber(),
                ComplaintKind.valueOf(c.kind()),
                ComplaintCategory.valueOf(c.category()),
                ComplaintStatus.valueOf(c.status()),
                c.outcome() == null ? null : ComplaintOutcome.valueOf(c.outcome()),
                c.districtCode(),
                c.targetPharmacyId(),
                c.targetName(),
                c.targetAddress(),
                c.facts(),
                c.claim(),
                c.occurredOn(),
                c.lateFiling(),
                person,
                c.receivedAt(),
                CaseDeadlines.views(c),
                c.dueFlag(),
                c.linkedId(),
                files.stream()
                        .map(a -> new AttachmentView(a.fileId(), a.contentType(), a.sizeBytes(), a.contentCheck()))
                        .toList(),
                timeline.of(c.id()).stream()
                        .map(s -> new ComplaintCaseView.Step(
                                s.at(),
                                s.actorAccountId(),
                                s.action(),
                                s.fromStatus() == null ? null : ComplaintStatus.valueOf(s.fromStatus()),
                                s.toStatus() == null ? null : ComplaintStatus.valueOf(s.toStatus()),
                                s.note(),
                                s.publicText()))
                        .toList());
    }
}
