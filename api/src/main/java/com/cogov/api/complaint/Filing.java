package com.cogov.api.complaint;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.idempotency.Idempotency;
import com.cogov.api.idempotency.IdempotentRequest;
import com.cogov.api.privacy.PersonalField;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.complaint.ComplaintKind;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.FilingReceipt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Files a complaint or report (Art. 9) from either door, in one transaction with its idempotency key: the case (two
 * linked cases for BOTH, Art. 7), its timeline's first step, its attachments, the audit entry. A complaint about harm
 * known more than 3 years before is received but flagged for rejection (Art. 15): the office decides, not the form.
 */
@Singleton
class Filing {

    private final ComplaintStore cases;
    private final TimelineStore timeline;
    private final CaseAttachments attachments;
    private final CaseDeadlines deadlines;
    private final PrivacyService privacy;
    private final Targets targets;
    private final Idempotency idempotency;
    private final AuditService audit;
    private final ContentScreening screening;

    Filing(
            ComplaintStore cases,
            TimelineStore timeline,
            CaseAttachments attachments,
            CaseDeadlines deadlines,
            PrivacyService privacy,
            Targets targets,
            Idempotency idempotency,
            AuditService audit,
            ContentScreening screening) {
        this.cases = cases;
        this.timeline = timeline;
        this.attachments = attachments;
        this.deadlines = deadlines;
        this.privacy = privacy;
        this.targets = targets;
        this.idempotency = idempotency;
        this.audit = audit;
        this.screening = screening;
    }

    /**
     * @param owner       whose key and uploads: the account, or the client address for the public web
     * @param text        the content check of the facts and claim (ContentScreening): anything but PASS holds the
     *                    case in PENDING_CONTENT_CHECK
     * @param checkImages the filing's images go through WeChat's media check (mini-program filings): the case waits
     *                    in PENDING_CONTENT_CHECK until every one has passed
     */
    @Transactional
    FilingReceipt file(
            Actor filer,
            String channel,
            String owner,
            @Nullable String key,
            ComplaintRequest request,
            ContentScreening.TextCheck text,
            boolean checkImages) {
        IdempotentRequest idem = idempotency.request("complaint", owner, key, request);
        List<String> attachmentIds = attachments.requireCount(request.attachmentIds());
        validate(request);
        AtomicReference<String> queryCode = new AtomicReference<>();
        Idempotency.Outcome outcome = idempotency.once(idem, () -> {
            String code = Codes.queryCode();
            queryCode.set(code);
            return create(filer, channel, owner, request, attachmentIds, text, checkImages, code);
        });
        CaseRow first = cases.find(outcome.resultId()).orElseThrow();
        return ComplaintViews.receipt(
                first,
                outcome.replayed() ? null : queryCode.get(),
                cases.trackingNumber(first.linkedId()).orElse(null));
    }

    private void validate(ComplaintRequest r) {
        boolean complaint = r.kind() != ComplaintKind.REPORT;
        if (complaint && r.complainant() == null) {
            throw ComplaintRejectedException.incomplete("投诉须填写投诉人的姓名、联系电话和地址（举报可以匿名）");
        }
        if (complaint && (r.claim() == null || r.claim().isBlank())) {
            throw ComplaintRejectedException.incomplete("投诉须写明投诉请求，例如退款、赔偿或更换");
        }
        if (r.occurredOn() != null && r.occurredOn().isAfter(deadlines.today())) {
            throw ComplaintRejectedException.futureDate();
        }
    }

    private long create(
            Actor filer,
            String channel,
            String owner,
            ComplaintRequest r,
            List<String> attachmentIds,
            ContentScreening.TextCheck text,
            boolean checkImages,
            String queryCode) {
        Targets.Target target = targets.resolve(r.target());
        List<String> images =
                checkImages && filer.accountId() != null ? attachments.imagesAmong(owner, attachmentIds) : List.of();
        boolean awaitsContentCheck = text != ContentScreening.TextCheck.PASS || !images.isEmpty();
        boolean heldForPerson = text == ContentScreening.TextCheck.REVIEW;
        Instant now = deadlines.now();
        LocalDate today = deadlines.dayOf(now);
        boolean late = r.occurredOn() != null && r.occurredOn().isBefore(today.minusYears(3));
        List<String> kinds = r.kind() == ComplaintKind.BOTH
                ? List.of(CaseRow.COMPLAINT, CaseRow.REPORT)
                : List.of(r.kind().name());
        var person = r.complainant();
        List<Long> ids = new ArrayList<>();
        for (String kind : kinds) {
            boolean complaint = CaseRow.COMPLAINT.equals(kind);
            String status = awaitsContentCheck
                    ? ComplaintStatus.PENDING_CONTENT_CHECK.name()
                    : complaint ? ComplaintStatus.RECEIVED.name() : ComplaintStatus.CASE_DECISION.name();
            ComplaintStore.Inserted inserted = cases.insert(
                    new ComplaintStore.NewCase(
                            kind,
                            channel,
                            filer.role() == null ? null : filer.accountId(),
                            r.category().name(),
                            status,
                            target.districtCode(),
                            target.pharmacyId(),
                            target.name(),
                            target.address(),
                            r.facts().strip(),
                            complaint && r.claim() != null ? r.claim().strip() : null,
                            r.occurredOn(),
                            complaint && late,
                            person == null ? null : privacy.seal(person.name().strip()),
                            person == null ? null : privacy.seal(person.phone().strip()),
                            person == null ? null : privacy.blindIndex(PersonalField.PHONE, person.phone()),
                            person == null
                                    ? null
                                    : privacy.seal(person.address().strip()),
                            now,
                            today,
                            deadlines.decision(kind, today),
                            !awaitsContentCheck,
                            text.name(),
                            text == ContentScreening.TextCheck.RETRY ? now.plus(screening.retryAfter(1)) : null,
                            heldForPerson),
                    queryCode);
            ids.add(inserted.id());
            timeline.append(
                    inserted.id(),
                    null,
                    "FILED",
                    null,
                    status,
                    filedNote(complaint && late, text, images.size()),
                    (complaint ? "已收到您的投诉，受理编号 " : "已收到您的举报，受理编号 ")
                            + inserted.trackingNumber()
                            + (awaitsContentCheck ? "；内容安全检查通过后开始办理" : ""));
            audit.record(
                    filer,
                    "complaint.file",
                    "complaint",
                    String.valueOf(inserted.id()),
                    AuditOutcome.SUCCESS,
                    Map.of("kind", kind, "channel", channel, "district", target.districtCode()));
        }
        if (ids.size() == 2) {
            cases.link(ids.get(0), ids.get(1));
        }
        attachments.claim(owner, attachmentIds, ids.get(0));
        if (!images.isEmpty()) {
            attachments.markChecking(images);
            screening.requestImageChecks(filer.accountId(), images);
        }
        return ids.get(0);
    }

    /** The handlers' note on the first step: why the case waits, and Art. 15's flag. */
    private static @Nullable String filedNote(boolean late, ContentScreening.TextCheck text, int images) {
        List<String> notes = new ArrayList<>();
        if (late) {
            notes.add("知道权益受损之日起已超过三年，依第十五条建议不予受理");
        }
        switch (text) {
            case REVIEW -> notes.add("文字内容需人工审核（内容安全检查结果为 review），审核后以 clear-content 放行");
            case RETRY -> notes.add("微信内容安全检查暂不可用，文字将自动重新检查");
            default -> {
                // nothing to say
            }
        }
        if (images > 0) {
            notes.add(images + " 张图片等待微信内容安全检查");
        }
        return notes.isEmpty() ? null : String.join("；", notes);
    }
}
