package com.cogov.api.inspection;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.geo.GeoPoint;
import com.cogov.api.idempotency.Idempotency;
import com.cogov.api.idempotency.IdempotentRequest;
import com.cogov.api.notify.Notifier;
import com.cogov.api.pharmacy.PharmacyProfile;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.inspection.CheckResult;
import com.cogov.contracts.inspection.ChecklistView;
import com.cogov.contracts.inspection.Disposition;
import com.cogov.contracts.inspection.InspectionRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records an inspection on site: every checklist item answered, a PROBLEM explained, the disposition's own fields,
 * the place (flagged OFF_SITE beyond {@code cogov.inspection.off-site-meters} from the pharmacy, but accepted: the
 * reviewer judges), the photos, and the inspection it corrects. One transaction with the idempotency key, so a phone
 * that retries after losing the answer gets the first inspection back; the manager is told in the same transaction.
 */
@Singleton
class InspectionRecording {

    private final InspectionScope scope;
    private final Checklist checklist;
    private final InspectionStore store;
    private final InspectionQueries queries;
    private final EvidencePhotos photos;
    private final Idempotency idempotency;
    private final Notifier notifier;
    private final AuditService audit;
    private final InspectionConfiguration config;

    InspectionRecording(
            InspectionScope scope,
            Checklist checklist,
            InspectionStore store,
            InspectionQueries queries,
            EvidencePhotos photos,
            Idempotency idempotency,
            Notifier notifier,
            AuditService audit,
            InspectionConfiguration config) {
        this.scope = scope;
        this.checklist = checklist;
        this.store = store;
        this.queries = queries;
        this.photos = photos;
        this.idempotency = idempotency;
        this.notifier = notifier;
        this.audit = audit;
        this.config = config;
    }

    /** @return the inspection's id: the first one's, for a retry with the same key */
    @Transactional
    long record(Actor inspector, @Nullable String key, InspectionRequests.Record request, LocalDate today) {
        String district = InspectionScope.inspectorDistrict(inspector);
        IdempotentRequest once = idempotency.request("inspection", String.valueOf(inspector.accountId()), key, request);
        GeoPoint where = location(request.location());
        PharmacyProfile pharmacy = scope.pharmacyOfDistrict(inspector, request.pharmacyId());
        List<String> photoIds = request.photoIds() == null ? List.of() : request.photoIds();
        List<InspectionStore.NewAnswer> answers = answers(request.checklist(), !photoIds.isEmpty());
        requireDispositionFields(request, today);
        Integer distance = pharmacy.located()
                ? (int) Math.round(where.metersTo(new GeoPoint(
                        pharmacy.latitude().doubleValue(), pharmacy.longitude().doubleValue())))
                : null;
        boolean offSite = distance != null && distance > config.offSiteMeters();
        return idempotency
                .once(once, () -> {
                    if (request.supersedes() != null) {
                        requireSupersedable(request.supersedes(), pharmacy.id(), district);
                    }
                    long id = store.insert(new InspectionStore.NewInspection(
                            pharmacy.id(),
                            district,
                            inspector.accountId(),
                            request.findings().strip(),
                            request.disposition(),
                            request.disposition() == Disposition.RECTIFY ? request.rectifyBy() : null,
                            request.disposition() == Disposition.CASE_OPENED
                                    ? request.caseNumber().strip()
                                    : null,
                            degrees(where.latitude()),
                            degrees(where.longitude()),
                            accuracy(request.location().accuracyMeters()),
                            distance,
                            offSite,
                            request.supersedes()));
                    store.insertAnswers(id, answers);
                    photos.attach(inspector, id, null, photoIds);
                    if (request.supersedes() != null) {
                        store.supersedeRectification(request.supersedes());
                    }
                    if (request.disposition() == Disposition.RECTIFY) {
                        store.openRectification(id, district, pharmacy.id(), request.rectifyBy());
                    }
                    notifier.toPharmacyManagers(pharmacy.id(), InspectionNotices.recorded(id, request));
                    audit.record(
                            inspector,
                            "inspection.record",
                            "inspection",
                            String.valueOf(id),
                            AuditOutcome.SUCCESS,
                            Map.of(
                                    "pharmacyId", String.valueOf(pharmacy.id()),
                                    "disposition", request.disposition().name(),
                                    "offSite", String.valueOf(offSite)));
                    return id;
                })
                .resultId();
    }

    /** Each active item answered exactly once; a PROBLEM with a note or (the inspection's) photos. */
    private List<InspectionStore.NewAnswer> answers(List<InspectionRequests.Answer> given, boolean withPhotos) {
        List<ChecklistView.Item> items = checklist.active();
        Map<String, InspectionRequests.Answer> byCode = new HashMap<>();
        for (InspectionRequests.Answer answer : given) {
            boolean known = items.stream().anyMatch(i -> i.code().equals(answer.item()));
            if (!known || byCode.putIfAbsent(answer.item(), answer) != null) {
                throw InspectionInvalidException.unknownItem(answer.item());
            }
        }
        List<String> missing = items.stream()
                .filter(i -> !byCode.containsKey(i.code()))
                .map(ChecklistView.Item::label)
                .toList();
        if (!missing.isEmpty()) {
            throw InspectionInvalidException.unanswered(missing);
        }
        List<InspectionStore.NewAnswer> answers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ChecklistView.Item item = items.get(i);
            InspectionRequests.Answer answer = byCode.get(item.code());
            String note = answer.note() == null || answer.note().isBlank()
                    ? null
                    : answer.note().strip();
            if (answer.result() == CheckResult.PROBLEM && note == null && !withPhotos) {
                throw InspectionInvalidException.problemUnexplained(item.label());
            }
            answers.add(new InspectionStore.NewAnswer(item.code(), item.label(), answer.result(), note, i));
        }
        return answers;
    }

    private static void requireDispositionFields(InspectionRequests.Record request, LocalDate today) {
        if (request.disposition() == Disposition.RECTIFY) {
            if (request.rectifyBy() == null) {
                throw InspectionInvalidException.rectifyByMissing();
            }
            if (request.rectifyBy().isBefore(today)) {
                throw InspectionInvalidException.rectifyByPast();
            }
            if (request.rectifyBy().isAfter(today.plusYears(1))) {
                throw InspectionInvalidException.rectifyByTooFar();
            }
        }
        if (request.disposition() == Disposition.CASE_OPENED
                && (request.caseNumber() == null || request.caseNumber().isBlank())) {
            throw InspectionInvalidException.caseNumberMissing();
        }
    }

    private void requireSupersedable(long supersedes, long pharmacyId, String district) {
        InspectionQueries.Row old = queries.find(supersedes)
                .filter(o -> o.districtCode().equals(district) && o.pharmacyId() == pharmacyId)
                .orElseThrow(InspectionRefusedException::supersede);
        if (old.supersededBy() != null) {
            throw InspectionRefusedException.supersede();
        }
    }

    private static GeoPoint location(InspectionRequests.Location location) {
        if (!GeoPoint.valid(location.lat(), location.lng())
                || (location.lat() == 0 && location.lng() == 0)) { // what a phone without a fix sends
            throw InspectionInvalidException.location("location");
        }
        Double accuracy = location.accuracyMeters();
        if (accuracy != null && (!Double.isFinite(accuracy) || accuracy < 0 || accuracy > 100_000)) {
            throw InspectionInvalidException.location("location.accuracyMeters");
        }
        return new GeoPoint(location.lat(), location.lng());
    }

    private static BigDecimal degrees(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP);
    }

    private static Integer accuracy(@Nullable Double meters) {
        return meters == null ? null : (int) Math.round(meters);
    }
}
