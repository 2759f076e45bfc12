package com.cogov.api.complaint;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import com.cogov.api.privacy.PrivacyService;
import com.cogov.api.shared.AccessDeniedException;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.complaint.ComplaintOutcome;
import com.cogov.contracts.complaint.ComplaintStatus;
import com.cogov.contracts.complaint.TransitionRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A handler's step on a case, in one transaction with the case locked: the new state, the timeline entry (who, when,
 * the note), the audit entry, and the filer told (a subscribe message and inbox entry for a mini-program filer; the
 * status page for everyone, through the step's public text).
 */
@Singleton
class Handling {

    private final ComplaintStore cases;
    private final TimelineStore timeline;
    private final CaseDeadlines deadlines;
    private final Targets targets;
    private final Notifier notifier;
    private final AuditService audit;
    private final PrivacyService privacy;
    private final ContentRelease release;

    Handling(
            ComplaintStore cases,
            TimelineStore timeline,
            CaseDeadlines deadlines,
            Targets targets,
            Notifier notifier,
            AuditService audit,
            PrivacyService privacy,
            ContentRelease release) {
        this.cases = cases;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.targets = targets;
        this.notifier = notifier;
        this.audit = audit;
        this.privacy = privacy;
        this.release = release;
    }

    @Transactional
    long step(Actor handler, long id, Transition t, TransitionRequest r) {
        Handlers.require(handler);
        CaseRow c = Handlers.inScope(handler, cases.lock(id).orElseThrow(ComplaintNotFoundException::new));
        if (!t.allowed(c)) {
            throw new ComplaintTransitionException(
                    "该" + (c.complaint() ? "投诉" : "举报") + "当前状态为 " + c.status() + "，不能进行 " + t.path);
        }
        LocalDate today = deadlines.today();
        String note = r.note().strip();
        if (t == Transition.CLEAR_CONTENT) {
            release.clear(c, handler, note); // its own timeline step, audit entry and notice
            return c.id();
        }
        CaseRow next = c;
        Boolean onTime = null;
        String told;
        switch (t) {
            case ACCEPT -> {
                next = with(c, ComplaintStatus.ACCEPTED, null, null);
                told = "您的投诉已受理";
            }
            case REJECT -> {
                next = closed(c, ComplaintStatus.REJECTED, null);
                onTime = !today.isAfter(c.decision().date());
                told = "您的投诉不予受理。理由：" + note;
            }
            case ASSIGN -> {
                if (handler.role() != Role.CITY_ADMIN) {
                    throw new AccessDeniedException("只有市局管理员可以将投诉举报转交其他区");
                }
                if (r.districtCode() == null) {
                    throw new ComplaintTransitionException("转交须填写接收的行政区划代码 districtCode");
                }
                targets.requireDistrict(r.districtCode());
                next = copy(
                        c,
                        c.status(),
                        c.outcome(),
                        r.districtCode(),
                        c.decision(),
                        c.extended(),
                        c.mediationStartedOn(),
                        c.mediation(),
                        c.decidedOn(),
                        c.notice(),
                        c.dueDate(),
                        c.closedAt());
                told = null;
            }
            case EXTEND -> {
                if (c.extended()) {
                    throw new ComplaintTransitionException("举报的核查期限只能延长一次（第三十一条）");
                }
                CaseRow.Due longer = deadlines.extended(c.decision());
                next = copy(
                        c,
                        c.status(),
                        null,
                        c.districtCode(),
                        longer,
                        true,
                        null,
                        null,
                        null,
                        null,
                        longer.date(),
                        null);
                told = "核查期限已依法延长至 " + longer.date();
            }
            case START_MEDIATION -> {
                CaseRow.Due end = deadlines.mediation(today);
                next = copy(
                        c,
                        ComplaintStatus.MEDIATING.name(),
                        null,
                        c.districtCode(),
                        c.decision(),
                        c.extended(),
                        today,
                        end,
                        null,
                        null,
                        end.date(),
                        null);
                told = "已开始调解，调解期限至 " + end.date();
            }
            case CLOSE -> {
                ComplaintOutcome outcome = r.outcome();
                if (outcome == null || !Transition.outcomes(c).contains(outcome)) {
                    throw new ComplaintTransitionException("此时办结须选择结果：" + Transition.outcomes(c));
                }
                LocalDate due = c.dueDate();
                onTime = due == null || !today.isAfter(due);
                next = closed(c, ComplaintStatus.CLOSED, outcome);
                if (!c.complaint()) {
                    // Art. 31: a real-name reporter is told within 5 working days; the status page and message tell
                    // them now, and the deadline stays on record for the statistics
                    next = copy(
                            next,
                            next.status(),
                            next.outcome(),
                            next.districtCode(),
                            next.decision(),
                            next.extended(),
                            null,
                            null,
                            today,
                            c.realName() ? deadlines.reporterNotice(today) : null,
                            null,
                            next.closedAt());
                }
                told = closing(outcome); // the note stays with the handlers
            }
            case REPLY -> told = note;
            default -> throw new IllegalStateException(t.name());
        }
        if (next != c) {
            cases.update(next, onTime);
        }
        timeline.append(c.id(), handler.accountId(), t.name(), c.status(), next.status(), note, told);
        audit.record(
                handler,
                "complaint." + t.path,
                "complaint",
                String.valueOf(c.id()),
                AuditOutcome.SUCCESS,
                details(t, next, note));
        if (told != null && c.filerAccountId() != null) {
            notifier.toAccount(
                    c.filerAccountId(),
                    new Notice(
                            "complaint:" + c.id() + ":" + t.path + ":"
                                    + deadlines.now().toEpochMilli(),
                            "COMPLAINT",
                            "投诉举报办理进度",
                            "受理编号 " + c.trackingNumber() + "：" + cut(told),
                            "/complaints/mine"));
        }
        if (t == Transition.ASSIGN) {
            notifier.toDistrictInspectors(
                    next.districtCode(),
                    new Notice(
                            "complaint:" + c.id() + ":assigned:" + next.districtCode(),
                            "COMPLAINT",
                            "有转交的投诉举报",
                            "受理编号 " + c.trackingNumber() + " 已转交本区办理",
                            "/complaints/" + c.id()));
        }
        return c.id();
    }

    private Map<String, String> details(Transition t, CaseRow next, String note) {
        Map<String, String> details = new HashMap<>();
        details.put("note", privacy.redact(cut(note)));
        details.put("status", next.status());
        if (t == Transition.ASSIGN) {
            details.put("district", next.districtCode());
        }
        if (next.outcome() != null) {
            details.put("outcome", next.outcome());
        }
        return details;
    }

    private static String closing(ComplaintOutcome outcome) {
        return switch (outcome) {
            case AGREED -> "调解达成协议，投诉办结";
            case NOT_AGREED -> "调解未能达成协议，投诉办结";
            case WITHDRAWN -> "投诉已撤回，办结";
            case CASE_OPENED -> "经核查，已决定立案";
            case CASE_NOT_OPENED -> "经核查，决定不予立案";
        };
    }

    private static String cut(String text) {
        return text.length() <= 100 ? text : text.substring(0, 99) + "…";
    }

    private CaseRow with(
            CaseRow c, ComplaintStatus status, @Nullable ComplaintOutcome outcome, @Nullable LocalDate due) {
        return moved(c, status, outcome, due, c.closedAt());
    }

    private CaseRow closed(CaseRow c, ComplaintStatus status, @Nullable ComplaintOutcome outcome) {
        return moved(c, status, outcome, null, deadlines.now());
    }

    private static CaseRow moved(
            CaseRow c,
            ComplaintStatus status,
            @Nullable ComplaintOutcome outcome,
            @Nullable LocalDate due,
            @Nullable java.time.Instant closedAt) {
        return copy(
                c,
                status.name(),
                outcome == null ? null : outcome.name(),
                c.districtCode(),
                c.decision(),
                c.extended(),
                c.mediationStartedOn(),
                c.mediation(),
                c.decidedOn(),
                c.notice(),
                due,
                closedAt);
    }

    /** The row with its mutable columns replaced; the due flag is cleared, the deadline job sets it again. */
    static CaseRow copy(
            CaseRow c,
            String status,
            @Nullable String outcome,
            String districtCode,
            CaseRow.Due decision,
            boolean extended,
            @Nullable LocalDate mediationStartedOn,
            @Nullable CaseRow.Due mediation,
            @Nullable LocalDate decidedOn,
            @Nullable CaseRow.Due notice,
            @Nullable LocalDate dueDate,
            @Nullable java.time.Instant closedAt) {
        return new CaseRow(
                c.id(),
                c.trackingNumber(),
                c.queryCodeHash(),
                c.kind(),
                c.linkedId(),
                c.channel(),
                c.filerAccountId(),
                c.category(),
                status,
                outcome,
                districtCode,
                c.targetPharmacyId(),
                c.targetName(),
                c.targetAddress(),
                c.facts(),
                c.claim(),
                c.occurredOn(),
                c.lateFiling(),
                c.nameSealed(),
                c.phoneSealed(),
                c.addressSealed(),
                c.receivedAt(),
                c.receivedOn(),
                decision,
                extended,
                mediationStartedOn,
                mediation,
                decidedOn,
                notice,
                dueDate,
                null,
                closedAt);
    }
}
