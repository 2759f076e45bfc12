package com.cogov.api.inspection;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.notify.Notifier;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.RectificationState;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The pharmacy's side of an inspection and the inspector's verdict: the manager acknowledges it, submits the
 * rectification a RECTIFY asks for (on or before its date), and the district's inspector accepts it or sends it back.
 * Each step locks the rectification's state row, so two taps or two reviewers cannot both change it.
 */
@Singleton
class Rectifications {

    private final InspectionStore store;
    private final InspectionQueries queries;
    private final EvidencePhotos photos;
    private final Notifier notifier;
    private final AuditService audit;

    Rectifications(
            InspectionStore store,
            InspectionQueries queries,
            EvidencePhotos photos,
            Notifier notifier,
            AuditService audit) {
        this.store = store;
        this.queries = queries;
        this.photos = photos;
        this.notifier = notifier;
        this.audit = audit;
    }

    /** The manager's own pharmacy's inspection, or 404. */
    InspectionQueries.Row ofManager(Actor manager, long inspectionId) {
        long pharmacy = InspectionScope.managersPharmacy(manager);
        return queries.find(inspectionId)
                .filter(i -> i.pharmacyId() == pharmacy)
                .orElseThrow(() -> new InspectionNotFoundException(inspectionId));
    }

    /** The inspector's district's inspection, or 404. */
    InspectionQueries.Row ofInspector(Actor inspector, long inspectionId) {
        String district = InspectionScope.inspectorDistrict(inspector);
        return queries.find(inspectionId)
                .filter(i -> i.districtCode().equals(district))
                .orElseThrow(() -> new InspectionNotFoundException(inspectionId));
    }

    /** An inspection a regulator may read: the city administrator any, a district inspector their district's; or 404. */
    InspectionQueries.Row ofRegulator(Actor regulator, long inspectionId) {
        String district = InspectionScope.regulatorDistrict(regulator);
        return queries.find(inspectionId)
                .filter(i -> district == null || i.districtCode().equals(district))
                .orElseThrow(() -> new InspectionNotFoundException(inspectionId));
    }

    /** Idempotent: acknowledging again keeps the first time. */
    @Transactional
    void acknowledge(Actor manager, long inspectionId) {
        ofManager(manager, inspectionId);
        if (store.acknowledge(inspectionId, manager.accountId())) {
            audit.record(
                    manager,
                    "inspection.acknowledge",
                    "inspection",
                    String.valueOf(inspectionId),
                    AuditOutcome.SUCCESS,
                    Map.of());
        }
    }

    @Transactional
    void submit(Actor manager, long inspectionId, InspectionRequests.Rectification request, LocalDate today) {
        InspectionQueries.Row inspection = ofManager(manager, inspectionId);
        InspectionStore.RectificationLock lock = store.lockRectification(inspectionId)
                .orElseThrow(() -> InspectionRefusedException.notExpected("该检查记录无需整改"));
        switch (lock.state()) {
            case OPEN -> {
                if (today.isAfter(lock.dueOn())) {
                    throw InspectionRefusedException.overdue(lock.dueOn());
                }
            }
            case OVERDUE -> throw InspectionRefusedException.overdue(lock.dueOn());
            case SUBMITTED -> throw InspectionRefusedException.notExpected("整改情况已提交，正在等待检查人员审核");
            case ACCEPTED -> throw InspectionRefusedException.notExpected("整改已通过审核，无需再次提交");
            case SUPERSEDED -> throw InspectionRefusedException.notExpected("该检查记录已被更正，请查看更正后的记录");
        }
        long submission =
                store.insertSubmission(inspectionId, request.description().strip(), manager.accountId());
        photos.attach(manager, inspectionId, submission, request.photoIds() == null ? List.of() : request.photoIds());
        store.setState(inspectionId, RectificationState.SUBMITTED);
        notifier.toDistrictInspectors(inspection.districtCode(), InspectionNotices.submitted(inspectionId, submission));
        audit.record(
                manager,
                "inspection.rectification.submit",
                "inspection",
                String.valueOf(inspectionId),
                AuditOutcome.SUCCESS,
                Map.of("submission", String.valueOf(submission)));
    }

    /** Accepted: done. Rejected: back to the pharmacy before the date, overdue after it. */
    @Transactional
    void review(Actor inspector, long inspectionId, InspectionRequests.Review request, LocalDate today) {
        InspectionQueries.Row inspection = ofInspector(inspector, inspectionId);
        InspectionStore.RectificationLock lock = store.lockRectification(inspectionId)
                .filter(l -> l.state() == RectificationState.SUBMITTED)
                .orElseThrow(() -> InspectionRefusedException.notExpected("该检查记录没有待审核的整改"));
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        long submission = store.review(inspectionId, request.accepted(), note, inspector.accountId())
                .orElseThrow(() -> InspectionRefusedException.notExpected("该检查记录没有待审核的整改"));
        RectificationState next = request.accepted()
                ? RectificationState.ACCEPTED
                : today.isAfter(lock.dueOn()) ? RectificationState.OVERDUE : RectificationState.OPEN;
        store.setState(inspectionId, next);
        notifier.toPharmacyManagers(
                inspection.pharmacyId(), InspectionNotices.reviewed(inspectionId, submission, request.accepted()));
        audit.record(
                inspector,
                "inspection.rectification.review",
                "inspection",
                String.valueOf(inspectionId),
                AuditOutcome.SUCCESS,
                Map.of("accepted", String.valueOf(request.accepted()), "state", next.name()));
    }
}
