package com.cogov.bff.inspection;

import com.cogov.api.inspection.InspectionService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.inspection.ChecklistView;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.inspection.InspectorPharmacyDetail;
import com.cogov.contracts.inspection.InspectorPharmacyRow;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationRecord;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The district inspector's phone (docs/inspection.md): find a pharmacy of the district by name or nearest first, read
 * it and its records on site, record the inspection, follow the district's inspections and review rectifications.
 * Another district's pharmacy or inspection does not exist for the caller (404).
 */
@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("DISTRICT_INSPECTOR")
@SecurityRequirement(name = "bearer")
@Tag(name = "Inspection")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a district inspector")
class InspectorController {

    private static final String PAGING =
            "PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID, MALFORMED_REQUEST (a number that is not one)";

    private final InspectionService inspections;

    InspectorController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Get("/inspector/pharmacies")
    @Operation(
            operationId = "findInspectorPharmacies",
            summary = "Pharmacies of my district, by name (Chinese or pinyin initials) or nearest first",
            description =
                    "q: part of the name, or its pinyin initials (kzt); best match first (exact, prefix, contains)."
                            + " Without q, lat and lng (GCJ-02, as wx.getLocation gives them) list the pharmacies within"
                            + " radiusMeters (default 5000, at most 50000) nearest first, each with distanceMeters; with q they"
                            + " only add distanceMeters. Neither: the district's pharmacies by id. Pass nextCursor back as cursor.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (lat without lng, out of range, radiusMeters, q too long), " + PAGING)
    Page<InspectorPharmacyRow> pharmacies(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue @Parameter(example = "30.5502") Double lat,
            @Nullable @QueryValue @Parameter(example = "114.3215") Double lng,
            @Nullable @QueryValue Integer radiusMeters,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor inspector) {
        return inspections.pharmacies(inspector, q, lat, lng, radiusMeters, cursor, limit);
    }

    @Get("/inspector/pharmacies/{id}")
    @Operation(
            operationId = "getInspectorPharmacy",
            summary =
                    "A pharmacy of my district on site: licence, staff, sales today and in 7 days, open alerts, last inspections")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND: no such pharmacy in my district")
    InspectorPharmacyDetail pharmacy(long id, @Parameter(hidden = true) Actor inspector) {
        return inspections.pharmacy(inspector, id);
    }

    @Get("/inspector/pharmacies/{id}/registrations")
    @Operation(
            operationId = "listInspectorPharmacyRegistrations",
            summary = "A pharmacy's registrations, masked, newest first (default: the last 7 days)",
            description = "Read by the regulator's record query (GET /portal/v1/registrations?pharmacyId=): from and to"
                    + " are ISO-8601 instants or dates (00:00 China time), to exclusive, at most 366 days.")
    @ProblemResponse(status = "400", codes = "TIME_SPAN_INVALID, MALFORMED_REQUEST, " + PAGING)
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND: no such pharmacy in my district")
    Page<RegistrationRecord> registrations(
            long id,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor inspector) {
        return inspections.pharmacyRecords(inspector, id, from, to, cursor, limit);
    }

    @Get("/inspections/checklist")
    @Operation(operationId = "getInspectionChecklist", summary = "The items every inspection answers, in order")
    ChecklistView checklist(@Parameter(hidden = true) Actor inspector) {
        return inspections.checklist(inspector);
    }

    @Post("/inspections")
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "recordInspection",
            summary = "Record an inspection of a pharmacy of my district",
            description = "Send a new Idempotency-Key per inspection and the same key when retrying it: a retry answers"
                    + " the first inspection (the same key with another body 422). Every checklist item is answered by"
                    + " its code; a PROBLEM needs a note or a photo. RECTIFY needs rectifyBy (today or later),"
                    + " CASE_OPENED a caseNumber. Recorded more than 500 m from the pharmacy: accepted, flagged OFF_SITE."
                    + " A correction is a new inspection with supersedes: inspections are never edited. The pharmacy's"
                    + " manager is notified.")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED, MALFORMED_REQUEST, IDEMPOTENCY_KEY_REQUIRED, CHECKLIST_INCOMPLETE,"
                    + " CHECKLIST_ITEM_UNKNOWN, CHECKLIST_PROBLEM_UNEXPLAINED, RECTIFY_BY_INVALID, CASE_NUMBER_REQUIRED,"
                    + " LOCATION_OUT_OF_RANGE")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND: no such pharmacy in my district")
    @ProblemResponse(
            status = "409",
            codes = "INSPECTION_SUPERSEDE_INVALID: not an inspection of this pharmacy, or already corrected")
    @ProblemResponse(
            status = "422",
            codes = "EVIDENCE_PHOTO_INVALID (not my unused upload), IDEMPOTENCY_KEY_REUSED (same key, another body)")
    InspectionView record(
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Body @Valid InspectionRequests.Record request,
            @Parameter(hidden = true) Actor inspector) {
        return inspections.record(inspector, idempotencyKey, request);
    }

    @Get("/inspections")
    @Operation(
            operationId = "listDistrictInspections",
            summary = "My district's inspections, newest first",
            description = "disposition: COMPLIANT, RECTIFY or CASE_OPENED; overdue=true: only rectifications past their"
                    + " date without an accepted one (the follow-up list).")
    @ProblemResponse(status = "400", codes = "QUERY_PARAMETER_INVALID, TIME_SPAN_INVALID, " + PAGING)
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND: no such pharmacy in my district")
    Page<InspectionSummary> list(
            @Nullable @QueryValue Long pharmacyId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String disposition,
            @Nullable @QueryValue String overdue,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor inspector) {
        return inspections.districtInspections(
                inspector,
                new InspectionService.ListQuery(pharmacyId, null, from, to, disposition, overdue, cursor, limit));
    }

    @Get("/inspections/{id}")
    @Operation(operationId = "getDistrictInspection", summary = "An inspection of my district in full")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "INSPECTION_NOT_FOUND: no such inspection in my district")
    InspectionView get(long id, @Parameter(hidden = true) Actor inspector) {
        return inspections.districtInspection(inspector, id);
    }

    @Post("/inspections/{id}/rectification/review")
    @Operation(
            operationId = "reviewRectification",
            summary = "Accept the pharmacy's rectification, or send it back (back to the pharmacy before the date,"
                    + " overdue after it)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "INSPECTION_NOT_FOUND: no such inspection in my district")
    @ProblemResponse(status = "409", codes = "RECTIFICATION_NOT_EXPECTED: no rectification waits for review")
    InspectionView review(
            long id, @Body @Valid InspectionRequests.Review request, @Parameter(hidden = true) Actor inspector) {
        return inspections.review(inspector, id, request);
    }
}
