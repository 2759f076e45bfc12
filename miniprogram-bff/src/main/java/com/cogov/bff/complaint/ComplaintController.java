package com.cogov.bff.complaint;

import com.cogov.api.complaint.ComplaintService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ComplaintFilingDocs;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.FilingReceipt;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;

/** Complaints and reports (投诉举报) in the public's mini-program (docs/complaints.md). */
@Controller("/mp/v1/complaints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PUBLIC")
@SecurityRequirement(name = "bearer")
@Tag(name = "Complaints")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: only the public's mini-program users")
class ComplaintController {

    private final ComplaintService complaints;

    ComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "fileComplaint",
            summary = "File a complaint (投诉) or report (举报)",
            description = ComplaintFilingDocs.FILING)
    @ApiResponse(responseCode = "201", description = "Received: keep the tracking number and the query code")
    @ProblemResponse(status = "400", codes = ComplaintFilingDocs.FILING_400)
    @ProblemResponse(status = "404", codes = ComplaintFilingDocs.FILING_404)
    @ProblemResponse(status = "422", codes = "IDEMPOTENCY_KEY_REUSED")
    FilingReceipt file(
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Body @Valid ComplaintRequest request,
            @Parameter(hidden = true) Actor citizen) {
        return complaints.fileFromMiniProgram(citizen, idempotencyKey, request);
    }

    @Post(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "uploadComplaintAttachment",
            summary = "Upload an attachment (image or PDF) for a filing",
            description = ComplaintFilingDocs.ATTACHMENT)
    @ApiResponse(responseCode = "201", description = "Stored: its id")
    @ProblemResponse(status = "400", codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST")
    @ProblemResponse(status = "413", codes = "ATTACHMENT_TOO_LARGE, UPLOAD_TOO_LARGE")
    @ProblemResponse(
            status = "415",
            codes = "ATTACHMENT_TYPE_UNSUPPORTED: not an image or PDF, or a PDF that does not open")
    @ProblemResponse(status = "422", codes = "IMAGE_UNREADABLE: a cut-off or corrupt image")
    AttachmentView attach(@Part("file") CompletedFileUpload file, @Parameter(hidden = true) Actor citizen)
            throws IOException {
        return complaints.attach(citizen, file.getBytes());
    }

    @Get("/mine")
    @Operation(
            operationId = "listMyComplaints",
            summary = "My cases, newest first: status, deadlines and replies",
            description = "Cursor paging: pass nextCursor back as cursor; limit 1 to 200, default 50.")
    @ProblemResponse(status = "400", codes = "PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<ComplaintStatusView> mine(
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor citizen) {
        return complaints.mine(citizen, PageRequest.of(limit, cursor));
    }
}
