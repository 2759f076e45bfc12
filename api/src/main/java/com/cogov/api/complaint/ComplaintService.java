package com.cogov.api.complaint;

import com.cogov.api.file.FileDownload;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintCaseView;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.ComplaintStatisticsView;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.ComplaintSummaryView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.complaint.TransitionRequest;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The complaints and reports feature's entry (投诉举报, docs/complaints.md): citizens file from the mini-program or the
 * portal's public web and follow their case without an account; district handlers work the cases against their legal
 * deadlines on the official calendar. A thin entry over one class per use case.
 */
@Singleton
public class ComplaintService {

    private final Filing filing;
    private final StatusLookup lookup;
    private final CaseAttachments attachments;
    private final ComplaintThrottle throttle;
    private final Worklist worklist;
    private final CaseFile caseFile;
    private final Handling handling;
    private final CaseStatistics statistics;
    private final ContentScreening screening;

    ComplaintService(
            Filing filing,
            StatusLookup lookup,
            CaseAttachments attachments,
            ComplaintThrottle throttle,
            Worklist worklist,
            CaseFile caseFile,
            Handling handling,
            CaseStatistics statistics,
            ContentScreening screening) {
        this.filing = filing;
        this.lookup = lookup;
        this.attachments = attachments;
        this.throttle = throttle;
        this.worklist = worklist;
        this.caseFile = caseFile;
        this.handling = handling;
        this.statistics = statistics;
        this.screening = screening;
    }

    /** The handlers' worklist: filters by name (status, kind, category, districtCode, due, from, to, q). */
    public Page<ComplaintSummaryView> worklist(Actor handler, Map<String, String> filter, PageRequest page) {
        return worklist.list(handler, filter, page);
    }

    /**
     * Cases received in the window ({@code from}, {@code to} required, at most 366 days), by category, district and
     * status, with the share closed within their deadline; an inspector's district only.
     */
    public ComplaintStatisticsView statistics(
            Actor handler, @Nullable String from, @Nullable String to, @Nullable String districtCode) {
        return statistics.count(handler, from, to, districtCode);
    }

    /** A case in the handler's scope, with its timeline; the person masked. */
    public ComplaintCaseView read(Actor handler, long id) {
        return caseFile.read(handler, id);
    }

    /**
     * A handler's step ({@code accept}, {@code reject}, {@code assign}, {@code extend}, {@code start-mediation},
     * {@code close}, {@code reply}, {@code clear-content}): 409 when the case's status does not allow it. @return the case after it
     */
    public ComplaintCaseView transition(Actor handler, long id, String transition, TransitionRequest request) {
        Handlers.require(handler);
        Transition t = Transition.ofPath(transition)
                .orElseThrow(() -> new com.cogov.api.shared.CogovException(
                        com.cogov.contracts.error.ErrorCode.NOT_FOUND,
                        "没有这种操作：" + transition
                                + "；可用的操作为 accept、reject、assign、extend、start-mediation、close、reply、clear-content"));
        handling.step(handler, id, t, request);
        return caseFile.read(handler, id);
    }

    /** The complainant or real-name reporter in full, for a reason kept in the audit trail (Art. 33). */
    public ComplaintCaseView.Person unmask(Actor handler, long id, String reason) {
        return caseFile.unmask(handler, id, reason);
    }

    /** One of the case's files, for a handler in scope; not found when it is not the case's. */
    public FileDownload attachment(Actor handler, long id, String fileId) {
        return caseFile.attachment(handler, id, fileId).orElseThrow(ComplaintNotFoundException::new);
    }

    /**
     * A signed-in mini-program user files; their key and uploads are their account's. The facts and claim pass WeChat's
     * msg_sec_check with their openid first (a risky text is refused, 422 CONTENT_RISKY); the images go to WeChat's
     * media check once the case is written, and the case waits in PENDING_CONTENT_CHECK until they pass.
     */
    public FilingReceipt fileFromMiniProgram(Actor citizen, @Nullable String idempotencyKey, ComplaintRequest request) {
        citizen.requireRole(Role.PUBLIC);
        ContentScreening.TextCheck text = screening.screen(citizen.accountId(), request.facts(), request.claim());
        FilingReceipt receipt =
                filing.file(citizen, CaseRow.MINIPROGRAM, owner(citizen), idempotencyKey, request, text, true);
        if (request.attachmentIds() != null && !request.attachmentIds().isEmpty()) {
            screening.sendImageChecks(request.attachmentIds()); // committed: a quick callback finds its trace id
        }
        return receipt;
    }

    /**
     * Anyone files on the public web, limited per client address; their key and uploads are the address's. With no
     * openid, the text passes the content check's local word list: the same policy as the mini-program's.
     */
    public FilingReceipt fileFromWeb(Actor anonymous, @Nullable String idempotencyKey, ComplaintRequest request) {
        throttle.filing(address(anonymous));
        ContentScreening.TextCheck text = screening.screen(null, request.facts(), request.claim());
        return filing.file(anonymous, CaseRow.WEB, owner(anonymous), idempotencyKey, request, text, false);
    }

    /** An attachment for a later filing by the same user (or address): an image or PDF of at most 10 MB. */
    public AttachmentView attach(Actor uploader, byte[] content) {
        if (uploader.accountId() == null) {
            throw new IllegalArgumentException("web uploads go through attachFromWeb");
        }
        uploader.requireRole(Role.PUBLIC);
        return attachments.upload(owner(uploader), uploader.accountId(), content);
    }

    public AttachmentView attachFromWeb(Actor anonymous, byte[] content) {
        throttle.upload(address(anonymous));
        return attachments.upload(owner(anonymous), null, content);
    }

    /** A case by its tracking number and query code: the filer's view. */
    public ComplaintStatusView status(Actor caller, String trackingNumber, String queryCode) {
        return lookup.byCode(address(caller), trackingNumber, queryCode);
    }

    /** A mini-program user's own cases, newest first. */
    public Page<ComplaintStatusView> mine(Actor citizen, PageRequest page) {
        citizen.requireRole(Role.PUBLIC);
        return lookup.mine(citizen.accountId(), page);
    }

    private static String owner(Actor actor) {
        return actor.accountId() != null ? "account:" + actor.accountId() : "addr:" + address(actor);
    }

    private static String address(Actor actor) {
        return actor.sourceAddress() == null ? "unknown" : actor.sourceAddress();
    }
}
