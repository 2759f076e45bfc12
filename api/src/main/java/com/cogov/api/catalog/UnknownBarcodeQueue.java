package com.cogov.api.catalog;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.notify.Notice;
import com.cogov.api.notify.Notifier;
import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.paging.Pages;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.catalog.DrugRequests;
import com.cogov.contracts.catalog.UnknownBarcodeReportView.Status;
import com.cogov.contracts.catalog.UnknownBarcodeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The regulator's queue of codes clerks reported (issue 18 §3): a code is resolved by attaching it to a drug (an
 * existing one, or one created with it) or rejected with a reason; all its open reports close at once, and each
 * reporting pharmacy's managers are told in their inbox (the notify piece, in the same transaction). The caller
 * ({@link CatalogService}) announces a resolved code to every node after the commit.
 */
@Singleton
class UnknownBarcodeQueue {

    static final String TOPIC = "CATALOG";

    private final UnknownBarcodeRows reports;
    private final DrugWriter writer;
    private final DrugRows drugs;
    private final Notifier notifier;
    private final AuditService audit;
    private final Clock clock;

    UnknownBarcodeQueue(
            UnknownBarcodeRows reports,
            DrugWriter writer,
            DrugRows drugs,
            Notifier notifier,
            AuditService audit,
            Clock clock) {
        this.reports = reports;
        this.writer = writer;
        this.drugs = drugs;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    @ReadOnly
    Page<UnknownBarcodeView> list(Actor actor, @Nullable String status, PageRequest page) {
        actor.requireRole(Role.CITY_ADMIN);
        Status wanted = Status.NEW;
        if (status != null && !status.isBlank()) {
            try {
                wanted = Status.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw CatalogRequestInvalidException.parameter("status", "状态须为 NEW、RESOLVED 或 REJECTED");
            }
        }
        return Pages.of(
                reports.page(wanted, page),
                page,
                r -> new Cursor(r.view().firstReportedAt(), r.firstId()),
                UnknownBarcodeRows.Row::view);
    }

    /** @return the code's row of the queue, now RESOLVED or REJECTED */
    @Transactional
    UnknownBarcodeView resolve(Actor actor, String rawBarcode, DrugRequests.Resolve request) {
        actor.requireRole(Role.CITY_ADMIN);
        Barcode code = Barcode.parse(rawBarcode);
        int given = (request.drugId() == null ? 0 : 1)
                + (request.drug() == null ? 0 : 1)
                + (request.reject() == null ? 0 : 1);
        if (given != 1) {
            throw CatalogRequestInvalidException.field("drugId", "请三选一：关联已有药品（drugId）、新建药品（drug）或驳回（reject）");
        }
        String reason = request.reject() == null ? null : request.reject().strip();
        if (request.reject() != null && reason.isEmpty()) {
            throw CatalogRequestInvalidException.field("reject", "驳回须填写原因，原因会告知上报的药店");
        }
        DrugDraft draft = request.drug() == null ? null : DrugMaintenance.draft(request.drug(), List.of());
        List<UnknownBarcodeRows.Open> open = reports.lockOpen(code.value());
        if (open.isEmpty()) {
            throw reports.reported(code.value())
                    ? UnknownBarcodeException.handled(code.value())
                    : UnknownBarcodeException.notReported(code.value());
        }
        Long drugId = null;
        Status outcome = Status.REJECTED;
        if (reason == null) {
            drugId = draft == null ? request.drugId() : writer.create(actor, draft);
            writer.addBarcode(actor, drugId, code); // both kinds: a traceability code attaches its product identifier
            outcome = Status.RESOLVED;
        }
        reports.close(code.value(), outcome, actor.accountId(), drugId, reason, clock.instant());
        Notice notice = notice(code.value(), drugId, reason);
        // One report per code and pharmacy (its unique key): the report's id keys the pharmacy's notice.
        open.forEach(report -> notifier.toPharmacyManagers(report.pharmacyId(), keyed(notice, report.id())));
        audit.record(
                actor,
                outcome == Status.RESOLVED ? "catalog.unknown-barcode.resolve" : "catalog.unknown-barcode.reject",
                "unknown-barcode",
                code.value(),
                AuditOutcome.SUCCESS,
                drugId == null
                        ? Map.of("reports", String.valueOf(open.size()))
                        : Map.of("reports", String.valueOf(open.size()), "drugId", String.valueOf(drugId)));
        return reports.one(outcome, code.value()).get(0).view();
    }

    private Notice notice(String barcode, @Nullable Long drugId, @Nullable String reason) {
        if (drugId == null) {
            return new Notice(
                    "", TOPIC, "上报的条码未予补录", "本店上报的条码 " + barcode + " 未补录到药品目录，原因：" + reason, "/catalog/reports");
        }
        String name = drugs.find(drugId).map(Drug::name).orElse("");
        return new Notice(
                "", TOPIC, "上报的条码已补录", "本店上报的条码 " + barcode + " 已补录为「" + name + "」，现在扫码即可识别。", "/catalog/reports");
    }

    private static Notice keyed(Notice notice, long reportId) {
        return new Notice(
                "unknown-barcode-report:" + reportId, notice.topic(), notice.title(), notice.body(), notice.link());
    }
}
