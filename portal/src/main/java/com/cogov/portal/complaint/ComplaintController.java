package com.cogov.portal.complaint;

import com.cogov.api.complaint.ComplaintService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.complaint.ComplaintCaseView;
import com.cogov.contracts.complaint.ComplaintSummaryView;
import com.cogov.contracts.complaint.TransitionRequest;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
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
import java.util.HashMap;
import java.util.Map;

/**
 * The handlers' desk for complaints and reports (信息接报, docs/complaints.md): a district's inspectors work their
 * district's cases, the city administrator all of them.
 */
@Controller("/portal/v1/complaints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Complaints")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district inspector")
class ComplaintController {

    private static final String NOT_FOUND = "COMPLAINT_NOT_FOUND: no such case, or outside the inspector's district";

    private final ComplaintService complaints;

    ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Get
    @Operation(
            operationId = "listComplaints",
            summary = "The handlers' worklist of complaints and reports, newest first (nobody's personal data)",
            description = "Filters combine. due: DUE_SOON (running deadline within 2 working days) or OVERDUE. from/to:"
                    + " an ISO-8601 instant or a date (00:00 China time), on the time of receipt. q: a tracking number,"
                    + " or part of the target's name. Cursor paging: limit 1 to 200, default 50.")
    @ProblemResponse(
            status = "400",
            codes = "COMPLAINT_QUERY_INVALID (a malformed status, kind, category, due or district code),"
                    + " TIME_SPAN_INVALID, PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or outside the inspector's district")
    Page<ComplaintSummaryView> list(
            @Nullable @QueryValue @Parameter(description = "e.g. RECEIVED, CASE_DECISION") String status,
            @Nullable @QueryValue @Parameter(description = "COMPLAINT or REPORT") String kind,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue String districtCode,
            @Nullable @QueryValue @Parameter(description = "DUE_SOON or OVERDUE") String due,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor handler) {
        Map<String, String> filter = new HashMap<>();
        put(filter, "status", status);
        put(filter, "kind", kind);
        put(filter, "category", category);
        put(filter, "districtCode", districtCode);
        put(filter, "due", due);
        put(filter, "from", from);
        put(filter, "to", to);
        put(filter, "q", q);
        return complaints.worklist(handler, filter, PageRequest.of(limit, cursor));
    }

    @Get("/{id}")
    @Operation(
            operationId = "getComplaint",
            summary = "A case with its deadlines, attachments and timeline (the person masked)")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    ComplaintCaseView get(long id, @Parameter(hidden = true) Actor handler) {
        return complaints.read(handler, id);
    }

    @Post("/{id}/{transition}")
    @Operation(
            operationId = "transitionComplaint",
            summary = "Take a step on a case: accept, reject, assign, extend, start-mediation, close, reply or"
                    + " clear-content",
            description = "The note is required: for reject the legal reason, for extend the reason, for reply the text"
                    + " sent to the filer. close takes an outcome (AGREED, NOT_AGREED or WITHDRAWN for a complaint,"
                    + " CASE_OPENED or CASE_NOT_OPENED for a report); assign a districtCode (the city administrator"
                    + " only). clear-content lets a case held in PENDING_CONTENT_CHECK start (its text or an image was"
                    + " flagged by the content check, or WeChat has not answered): its deadlines count from that day."
                    + " Each step is audited and the filer is told.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no note; MALFORMED_REQUEST")
    @ProblemResponse(
            status = "404",
            codes = NOT_FOUND + "; NOT_FOUND: no such step; DISTRICT_NOT_FOUND: assign to an unknown district")
    @ProblemResponse(
            status = "409",
            codes = "COMPLAINT_TRANSITION_INVALID: not allowed from the case's status or kind (e.g. accept twice,"
                    + " mediation for a report, a second extension, an outcome that does not fit)")
    ComplaintCaseView transition(
            long id,
            @Parameter(description = "accept, reject, assign, extend, start-mediation, close, reply or clear-content")
                    String transition,
            @Body @Valid TransitionRequest request,
            @Parameter(hidden = true) Actor handler) {
        return complaints.transition(handler, id, transition, request);
    }

    @Post("/{id}/complainant/unmask")
    @Operation(
            operationId = "unmaskComplainant",
            summary = "Show the complainant or real-name reporter in full; requires a reason and is audited")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: a reason is required (at most 200 characters)")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "COMPLAINT_TRANSITION_INVALID: an anonymous report has nobody to show")
    ComplaintCaseView.Person unmask(
            long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor handler) {
        return complaints.unmask(handler, id, request.reason());
    }

    @Get("/{id}/attachments/{attachmentId}")
    @Operation(operationId = "downloadComplaintAttachment", summary = "One of the case's files, as a download")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "404", codes = NOT_FOUND + ", or no such file in the case")
    HttpResponse<StreamedFile> attachment(long id, String attachmentId, @Parameter(hidden = true) Actor handler) {
        return Downloads.attachment(complaints.attachment(handler, id, attachmentId));
    }

    private static void put(Map<String, String> filter, String name, @Nullable String value) {
        if (value != null) {
            filter.put(name, value);
        }
    }
}
