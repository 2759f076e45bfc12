package com.cogov.portal.notice;

import com.cogov.api.notice.NoticeService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.notice.NoticeAttachmentView;
import com.cogov.contracts.notice.NoticeReaderView;
import com.cogov.contracts.notice.NoticeRequests;
import com.cogov.contracts.notice.NoticeSummaryView;
import com.cogov.contracts.notice.NoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.multipart.CompletedFileUpload;
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
import java.io.IOException;

/**
 * The notices desk (通知通告, docs/notices.md): the city and the districts write notices, the city approves them, and
 * both see who has confirmed the notices sent to pharmacies.
 */
@Controller("/portal/v1/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Notices")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district user")
class NoticeController {

    private static final String NOT_FOUND = "NOTICE_NOT_FOUND: no such notice, or another district's";
    private static final String BODY = "VALIDATION_FAILED (a missing title or body, a title over 100 characters, more"
            + " than 9 attachments), MALFORMED_REQUEST, QUERY_PARAMETER_INVALID (a malformed districtCode),"
            + " ATTACHMENT_INVALID (an attachment not uploaded by this user, or used)";

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "createNotice",
            summary = "Write a notice (a draft)",
            description = "The body is HTML, sanitised on the way in: paragraphs, headings, lists, tables, links"
                    + " (given rel=\"noopener\") and images of this notice's own attachments are kept; scripts, event"
                    + " handlers, javascript: links, inline styles and everything else are removed, and the stored"
                    + " body is what readers get. A district user's notice is their district's; only the city writes"
                    + " city-wide ones (districtCode absent). publishAt absent: published when approved.")
    @ApiResponse(responseCode = "201", description = "The draft")
    @ProblemResponse(status = "400", codes = BODY)
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or not the district user's own")
    @ProblemResponse(status = "422", codes = "NOTICE_BODY_EMPTY: nothing readable left after sanitising")
    NoticeView create(@Body @Valid NoticeRequests.Create request, @Parameter(hidden = true) Actor author) {
        return notices.create(author, request);
    }

    @Get
    @Operation(
            operationId = "listNotices",
            summary = "The desk's notices in every status, newest first",
            description = "status: DRAFT, SUBMITTED, SCHEDULED, PUBLISHED or WITHDRAWN. A district user sees their"
                    + " district's notices. Cursor paging: limit 1 to 200, default 50.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (an unknown status), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<NoticeSummaryView> list(
            @Nullable @QueryValue String status,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor actor) {
        return notices.list(actor, status, PageRequest.of(limit, cursor));
    }

    @Get("/{id}")
    @Operation(
            operationId = "getNotice",
            summary = "A notice in full, with its attachments and, for a published PHARMACIES notice, how many"
                    + " pharmacies in the caller's district have confirmed it")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    NoticeView get(long id, @Parameter(hidden = true) Actor actor) {
        return notices.get(actor, id);
    }

    @Patch("/{id}")
    @Operation(
            operationId = "editNotice",
            summary = "Change a draft or withdrawn notice; absent fields stay as they are")
    @ProblemResponse(status = "400", codes = BODY)
    @ProblemResponse(status = "404", codes = NOT_FOUND + "; DISTRICT_NOT_FOUND")
    @ProblemResponse(status = "409", codes = "NOTICE_TRANSITION_INVALID: submitted or approved (withdraw it first)")
    @ProblemResponse(status = "422", codes = "NOTICE_BODY_EMPTY")
    NoticeView edit(long id, @Body @Valid NoticeRequests.Edit request, @Parameter(hidden = true) Actor actor) {
        return notices.edit(actor, id, request);
    }

    @Post("/{id}/submit")
    @Operation(operationId = "submitNotice", summary = "Send a draft or withdrawn notice to the city for approval")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "NOTICE_TRANSITION_INVALID: already submitted or approved")
    NoticeView submit(long id, @Parameter(hidden = true) Actor actor) {
        return notices.submit(actor, id);
    }

    @Post("/{id}/approve")
    @Operation(
            operationId = "approveNotice",
            summary = "Approve a submitted notice: published now, or at its publishAt",
            description = "The city only (a district user: 403). The author may not approve their own notice: 409"
                    + " NOTICE_OWN_APPROVAL (the role may approve; this notice needs another administrator). A"
                    + " PHARMACIES notice tells the pharmacies' managers when it is published.")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(
            status = "409",
            codes = "NOTICE_OWN_APPROVAL: the caller wrote it; NOTICE_TRANSITION_INVALID: not submitted")
    NoticeView approve(long id, @Parameter(hidden = true) Actor actor) {
        return notices.approve(actor, id);
    }

    @Post("/{id}/withdraw")
    @Operation(
            operationId = "withdrawNotice",
            summary = "Take back a submitted, scheduled or published notice (it can be edited and submitted again)")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "NOTICE_TRANSITION_INVALID: a draft, or withdrawn already")
    NoticeView withdraw(long id, @Parameter(hidden = true) Actor actor) {
        return notices.withdraw(actor, id);
    }

    @Get("/{id}/readers")
    @Operation(
            operationId = "listNoticeReaders",
            summary = "Required reading: the pharmacies that have (read=true) or have not (read=false, the default)"
                    + " confirmed a PHARMACIES notice",
            description = "Active pharmacies the notice is for, within the caller's district, by pharmacy id. A"
                    + " district user reaches their district's notices and the published city-wide ones.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (read neither true nor false), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "NOTICE_NOT_REQUIRED_READING: not a PHARMACIES notice")
    Page<NoticeReaderView> readers(
            long id,
            @Nullable @QueryValue @Parameter(schema = @Schema(type = "boolean")) String read,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor actor) {
        return notices.readers(actor, id, read, PageRequest.of(limit, cursor));
    }

    @Post(value = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "uploadNoticeAttachment",
            summary = "Upload a file (image or PDF) for a notice of mine",
            description = "Multipart field `file`: a JPEG, PNG or WebP image or a PDF of at most 10 MB, judged by its"
                    + " content. List the id in attachmentIds; an image is shown in the body as"
                    + " <img src=\"/portal/v1/public/notices/{noticeId}/attachments/{id}\">. Unused uploads are"
                    + " removed after a day.")
    @ApiResponse(responseCode = "201", description = "Stored: its id")
    @ProblemResponse(status = "400", codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST")
    @ProblemResponse(status = "413", codes = "ATTACHMENT_TOO_LARGE, UPLOAD_TOO_LARGE")
    @ProblemResponse(status = "415", codes = "ATTACHMENT_TYPE_UNSUPPORTED")
    @ProblemResponse(status = "422", codes = "IMAGE_UNREADABLE")
    NoticeAttachmentView upload(@Part("file") CompletedFileUpload file, @Parameter(hidden = true) Actor author)
            throws IOException {
        return notices.upload(author, file.getBytes());
    }

    @Get("/{id}/attachments/{fileId}")
    @Operation(operationId = "downloadDeskNoticeAttachment", summary = "One of the notice's files, as a download")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "404", codes = NOT_FOUND + ", or no such file in it")
    HttpResponse<StreamedFile> attachment(long id, String fileId, @Parameter(hidden = true) Actor actor) {
        return Downloads.attachment(notices.deskAttachment(actor, id, fileId));
    }
}
