package com.cogov.api.complaint;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.contentcheck.ContentSuggest;
import com.cogov.api.contentcheck.MediaCheckedEvent;
import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.complaint.ComplaintStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a case out of PENDING_CONTENT_CHECK (docs/complaints.md, "Content check"). It is cleared when its text has
 * passed and every image WeChat checks has passed, and its deadlines start that day (as a filing starts them: the
 * day itself not counted); or a handler clears it ({@code clear-content}) after looking at what was flagged. A text
 * or image flagged risky or for review holds the case for a person: the filer and the district are told, the
 * handler sees the image marked. WeChat's verdicts arrive as the content check's {@link MediaCheckedEvent}, once
 * each, in the transaction that records them.
 */
@Singleton
class ContentRelease {

    private final ComplaintStore cases;
    private final ContentStates states;
    private final AttachmentStore attachments;
    private final TimelineStore timeline;
    private final CaseDeadlines deadlines;
    private final Notifier notifier;
    private final AuditService audit;

    ContentRelease(
            ComplaintStore cases,
            ContentStates states,
            AttachmentStore attachments,
            TimelineStore timeline,
            CaseDeadlines deadlines,
            Notifier notifier,
            AuditService audit) {
        this.cases = cases;
        this.states = states;
        this.attachments = attachments;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.notifier = notifier;
        this.audit = audit;
    }

    @EventListener
    @Transactional
    void onMediaChecked(MediaCheckedEvent checked) {
        if (!CaseAttachments.PURPOSE.equals(checked.purpose())) {
            return;
        }
        Optional<CaseRow> found = attachments
                .markCheck(checked.fileId(), checked.verdict().name())
                .flatMap(cases::lock);
        if (found.isEmpty()) {
            return;
        }
        CaseRow c = found.get();
        // A BOTH filing's images belong to its complaint; its report waits on them too.
        Optional<CaseRow> linked = c.linkedId() == null ? Optional.empty() : cases.lock(c.linkedId());
        if (checked.verdict() == ContentSuggest.PASS) {
            tryClear(c);
            linked.ifPresent(this::tryClear);
        } else {
            String why = "图片 " + checked.fileId() + " 未通过微信内容安全检查（" + checked.verdict() + "），待人工审核后以 clear-content 放行";
            hold(c, why);
            linked.ifPresent(l -> hold(l, why));
        }
    }

    /** Clears the case if nothing holds it any more: its text passed, no person must look, every image passed. */
    void tryClear(CaseRow c) {
        if (!pending(c)) {
            return;
        }
        ContentStates.State state = states.of(c.id()).orElseThrow();
        boolean textPassed = state.textCheck() == null
                || ContentScreening.TextCheck.PASS.name().equals(state.textCheck());
        if (!textPassed
                || state.heldForPerson()
                || attachments.unclearedImages(c.id(), c.linkedId() == null ? c.id() : c.linkedId()) > 0) {
            return;
        }
        clear(c, Actor.system(null), null);
    }

    /**
     * Moves the waiting case on: a complaint to RECEIVED, a report to CASE_DECISION, its decision deadline counted
     * from today. @return whether this call moved it (false when it no longer waited)
     */
    boolean clear(CaseRow c, Actor actor, @Nullable String note) {
        LocalDate today = deadlines.today();
        String status = c.complaint() ? ComplaintStatus.RECEIVED.name() : ComplaintStatus.CASE_DECISION.name();
        CaseRow.Due decision = deadlines.decision(c.kind(), today);
        if (!states.clear(c.id(), status, today, decision)) {
            return false;
        }
        String told = "内容安全检查已通过，开始办理，" + (c.complaint() ? "受理决定" : "核查决定") + "期限至 " + decision.date();
        timeline.append(
                c.id(),
                actor.accountId(),
                "CONTENT_CLEARED",
                ComplaintStatus.PENDING_CONTENT_CHECK.name(),
                status,
                note,
                told);
        audit.record(
                actor,
                "complaint.clear-content",
                "complaint",
                String.valueOf(c.id()),
                AuditOutcome.SUCCESS,
                Map.of("status", status, "by", actor.accountId() == null ? "content-check" : "handler"));
        tellFiler(c, "content-cleared", "受理编号 " + c.trackingNumber() + "：" + told);
        return true;
    }

    /** A person must look: the handlers' note says why; the filer and the district are told once. */
    void hold(CaseRow c, String why) {
        if (!pending(c) || !states.hold(c.id())) {
            return;
        }
        timeline.append(
                c.id(), null, "CONTENT_HELD", c.status(), c.status(), why, "您提交的材料需要人工审核，审核通过后开始办理；如需补充或修改，工作人员会与您联系");
        tellFiler(c, "content-held", "受理编号 " + c.trackingNumber() + " 的材料需要人工审核，审核后开始办理");
        notifier.toDistrictInspectors(
                c.districtCode(),
                new Notice(
                        "complaint:" + c.id() + ":content-held",
                        "COMPLAINT",
                        "投诉举报材料待人工审核",
                        "受理编号 " + c.trackingNumber() + " 的内容未通过自动检查，请审核",
                        "/complaints/" + c.id()));
    }

    private void tellFiler(CaseRow c, String what, String body) {
        if (c.filerAccountId() != null) {
            notifier.toAccount(
                    c.filerAccountId(),
                    new Notice("complaint:" + c.id() + ":" + what, "COMPLAINT", "投诉举报办理进度", body, "/complaints/mine"));
        }
    }

    private static boolean pending(CaseRow c) {
        return ComplaintStatus.PENDING_CONTENT_CHECK.name().equals(c.status());
    }
}
