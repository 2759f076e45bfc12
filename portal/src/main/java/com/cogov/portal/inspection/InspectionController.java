package com.cogov.portal.inspection;

import com.cogov.api.inspection.InspectionService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.inspection.ChecklistEntry;
import com.cogov.contracts.inspection.InspectionRequests;
import com.cogov.contracts.inspection.InspectionSummary;
import com.cogov.contracts.inspection.InspectionView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;

/**
 * On-site inspections on the regulator's desk (docs/inspection.md): the city administrator reads the city's (or one
 * district's), a district inspector their district's; {@code overdue=true} is the follow-up list of rectifications
 * past their date.
 */
@Controller("/portal/v1/inspections")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Inspection")
class InspectionController {

    private final InspectionService inspections;

    InspectionController(InspectionService inspections) {
        this.inspections = inspections;
    }

    @Get
    @Operation(
            operationId = "listInspections",
            summary = "Inspections, newest first; overdue=true for rectifications past their date",
            description = "districtCode: the city administrator's choice of district (an inspector's own by default);"
                    + " pharmacyId; from/to (ISO-8601 instants or dates, to exclusive); disposition COMPLIANT, RECTIFY"
                    + " or CASE_OPENED; overdue=true. Pass nextCursor back as cursor; limit 1 to 200.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID, TIME_SPAN_INVALID, PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID,"
                    + " MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(
            status = "404",
            codes = "DISTRICT_NOT_FOUND, PHARMACY_NOT_FOUND (unknown, or outside the inspector's district)")
    Page<InspectionSummary> list(
            @Nullable @QueryValue @Parameter(example = "420106") String districtCode,
            @Nullable @QueryValue Long pharmacyId,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String disposition,
            @Nullable @QueryValue @Parameter(description = "true: only overdue rectifications") String overdue,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor regulator) {
        return inspections.regulatorInspections(
                regulator,
                new InspectionService.ListQuery(
                        pharmacyId, districtCode, from, to, disposition, overdue, cursor, limit));
    }

    @Get("/{id}")
    @Operation(
            operationId = "getInspection",
            summary = "One inspection in full: answers, findings, disposition, photos, rectification")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(
            status = "404",
            codes = "INSPECTION_NOT_FOUND: no such inspection, or outside the inspector's district")
    InspectionView inspection(long id, @Parameter(hidden = true) Actor regulator) {
        return inspections.regulatorInspection(regulator, id);
    }

    @Get("/photos/{photoId}")
    @Operation(
            operationId = "getInspectionPhoto",
            summary = "An evidence or rectification photo of an inspection the regulator may read, as a download")
    @ApiResponse(
            responseCode = "200",
            description = "The photo, as an attachment, its EXIF time kept",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(
            status = "404",
            codes = "EVIDENCE_PHOTO_NOT_FOUND: no such photo, or of an inspection outside the inspector's district")
    HttpResponse<StreamedFile> photo(String photoId, @Parameter(hidden = true) Actor regulator) {
        return Downloads.attachment(inspections.photo(regulator, photoId));
    }

    @Get("/checklist")
    @Operation(
            operationId = "listChecklistItems",
            summary = "The inspection checklist as the city maintains it, retired items too")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    List<ChecklistEntry> checklist(@Parameter(hidden = true) Actor regulator) {
        return inspections.checklistEntries(regulator);
    }

    @Put("/checklist/{code}")
    @Secured("CITY_ADMIN")
    @Operation(
            operationId = "putChecklistItem",
            summary = "Add or change a checklist item; retire it with active false (never deleted)",
            description = "Inspections recorded afterwards answer the active items; past ones keep the label they were"
                    + " answered with.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED (the code's or a field's format), MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator")
    ChecklistEntry putChecklistItem(
            @Parameter(example = "ID_CHECKED") String code,
            @Body @Valid InspectionRequests.ChecklistItem item,
            @Parameter(hidden = true) Actor admin) {
        return inspections.putChecklistItem(admin, code, item);
    }
}
