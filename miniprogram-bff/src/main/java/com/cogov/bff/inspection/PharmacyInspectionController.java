package com.cogov.bff.inspection;

import com.cogov.api.inspection.InspectionService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The pharmacy's side of its inspections: the manager reads them (notified of each), acknowledges them and submits
 * the rectification a RECTIFY asks for, on or before its date. Another pharmacy's inspection does not exist (404).
 */
@Controller("/mp/v1/pharmacy/inspections")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PHARMACY_MANAGER")
@SecurityRequirement(name = "bearer")
@Tag(name = "Inspection")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a pharmacy manager")
class PharmacyInspectionController {

    private final InspectionService inspections;

    PharmacyInspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Get
    @Operation(
            operationId = "listPharmacyInspections",
            summary = "My pharmacy's inspections, newest first",
            description = "overdue=true: only rectifications past their date. Pass nextCursor back as cursor.")
    @ProblemResponse(
            status = "400",
            codes =
                    "QUERY_PARAMETER_INVALID, TIME_SPAN_INVALID, PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID, MALFORMED_REQUEST")
    Page<InspectionSummary> list(
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String disposition,
            @Nullable @QueryValue String overdue,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor manager) {
        return inspections.pharmacyInspections(
                manager, new InspectionService.ListQuery(null, null, from, to, disposition, overdue, cursor, limit));
    }

    @Get("/{id}")
    @Operation(operationId = "getPharmacyInspection", summary = "An inspection of my pharmacy in full")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "INSPECTION_NOT_FOUND: no such inspection of my pharmacy")
    InspectionView get(long id, @Parameter(hidden = true) Actor manager) {
        return inspections.pharmacyInspection(manager, id);
    }

    @Post("/{id}/acknowledge")
    @Operation(
            operationId = "acknowledgeInspection",
            summary = "Acknowledge an inspection of my pharmacy (again: keeps the first time)")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "INSPECTION_NOT_FOUND: no such inspection of my pharmacy")
    InspectionView acknowledge(long id, @Parameter(hidden = true) Actor manager) {
        return inspections.acknowledge(manager, id);
    }

    @Post("/{id}/rectification")
    @Operation(
            operationId = "submitRectification",
            summary = "Submit the rectification a RECTIFY inspection asks for, on or before its date",
            description = "photoIds: photos uploaded with POST /mp/v1/inspections/photos. The district's inspectors"
                    + " are notified and review it.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "INSPECTION_NOT_FOUND: no such inspection of my pharmacy")
    @ProblemResponse(
            status = "409",
            codes = "RECTIFICATION_NOT_EXPECTED (not RECTIFY, awaiting review, accepted, superseded),"
                    + " RECTIFICATION_OVERDUE (past the date)")
    @ProblemResponse(status = "422", codes = "EVIDENCE_PHOTO_INVALID: not my unused upload")
    InspectionView rectify(
            long id, @Body @Valid InspectionRequests.Rectification request, @Parameter(hidden = true) Actor manager) {
        return inspections.rectify(manager, id, request);
    }
}
