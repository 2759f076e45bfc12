package com.cogov.portal.complaint;

import com.cogov.api.complaint.ComplaintService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ComplaintFilingDocs;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.complaint.AttachmentView;
import com.cogov.contracts.complaint.ComplaintRequest;
import com.cogov.contracts.complaint.ComplaintStatusView;
import com.cogov.contracts.complaint.FilingReceipt;
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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;

/**
 * Complaints and reports on the public web (docs/complaints.md): anyone files without an account, limited per client
 * address, and follows the case by its tracking number and query code.
 */
@Controller("/portal/v1/public/complaints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@SecurityRequirement(name = "") // public
@Tag(name = "Public complaints")
class PublicComplaintController {

    private final ComplaintService complaints;

    PublicComplaintController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "fileWebComplaint",
            summary = "File a complaint (投诉) or report (举报) without an account",
            description = ComplaintFilingDocs.FILING
                    + " The text is checked against the sensitive-word list. Limited per client address.")
    @ApiResponse(responseCode = "201", description = "Received: keep the tracking number and the query code")
    @ProblemResponse(status = "400", codes = ComplaintFilingDocs.FILING_400)
    @ProblemResponse(status = "404", codes = ComplaintFilingDocs.FILING_404)
    @ProblemResponse(status = "422", codes = "IDEMPOTENCY_KEY_REUSED")
    @ProblemResponse(status = "429", codes = "TOO_MANY_ATTEMPTS: too many filings from this address; see Retry-After")
    FilingReceipt file(
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Body @Valid ComplaintRequest request,
            @Parameter(hidden = true) Actor caller) {
        return complaints.fileFromWeb(caller, idempotencyKey, request);
    }

    @Post(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "uploadWebComplaintAttachment",
            summary = "Upload an attachment (image or PDF) for a filing from this address",
            description = ComplaintFilingDocs.ATTACHMENT)
    @ApiResponse(responseCode = "201", description = "Stored: its id")
    @ProblemResponse(status = "400", codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST")
    @ProblemResponse(status = "413", codes = "ATTACHMENT_TOO_LARGE, UPLOAD_TOO_LARGE")
    @ProblemResponse(
            status = "415",
            codes = "ATTACHMENT_TYPE_UNSUPPORTED: not an image or PDF, or a PDF that does not open")
    @ProblemResponse(status = "422", codes = "IMAGE_UNREADABLE: a cut-off or corrupt image")
    @ProblemResponse(status = "429", codes = "TOO_MANY_ATTEMPTS: too many uploads from this address")
    AttachmentView attach(@Part("file") CompletedFileUpload file, @Parameter(hidden = true) Actor caller)
            throws IOException {
        return complaints.attachFromWeb(caller, file.getBytes());
    }

    @Get("/{trackingNumber}")
    @Operation(
            operationId = "getWebComplaintStatus",
            summary = "Follow a case by its tracking number and query code: status, deadlines and replies",
            description = "An unknown number and a wrong code answer the same 404. Wrong codes are limited per"
                    + " address and per tracking number.")
    @ProblemResponse(status = "400", codes = "MISSING_PARAMETER: queryCode")
    @ProblemResponse(status = "404", codes = "COMPLAINT_NOT_FOUND: unknown tracking number or wrong query code")
    @ProblemResponse(status = "429", codes = "TOO_MANY_ATTEMPTS: too many wrong codes; see Retry-After")
    ComplaintStatusView status(
            @Parameter(example = "TS20261203000123") String trackingNumber,
            @QueryValue String queryCode,
            @Parameter(hidden = true) Actor caller) {
        return complaints.status(caller, trackingNumber, queryCode);
    }
}
