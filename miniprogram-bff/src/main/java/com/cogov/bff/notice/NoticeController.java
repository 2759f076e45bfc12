package com.cogov.bff.notice;

import com.cogov.api.notice.NoticeService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Notices in the mini-program (通知通告, docs/notices.md): anyone reads the public ones without signing in; a signed-in
 * clerk or manager reads the notices to pharmacies of their district and the city-wide ones, and confirms them.
 * Answers differ by caller, so these routes stay outside {@code /mp/v1/public} and its shared caching.
 */
@Controller("/mp/v1/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Notices")
class NoticeController {

    private static final String NOT_FOUND = "NOTICE_NOT_FOUND: no such published notice for this reader";

    private final NoticeService notices;

    NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public; a token makes the reader pharmacy staff
    @Operation(
            operationId = "listMiniProgramNotices",
            summary = "Published notices for the reader, pinned first, newest next (without their bodies)",
            description = "Without a token (or for a citizen): PUBLIC notices, city-wide and every district's, or with"
                    + " districtCode that district's and the city-wide ones. A clerk or manager: PHARMACIES notices of"
                    + " their pharmacy's district and the city-wide ones, each with confirmedAt. Cursor paging.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (a malformed districtCode), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "401", codes = "TOKEN_INVALID: a token was sent and is not valid")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or not the pharmacy's own district")
    Page<PublishedNoticeView> list(
            @Nullable @QueryValue String districtCode,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor reader) {
        return notices.miniProgramList(reader, districtCode, PageRequest.of(limit, cursor));
    }

    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "")
    @Operation(operationId = "getMiniProgramNotice", summary = "A published notice for the reader, with body and files")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "401", codes = "TOKEN_INVALID")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    PublishedNoticeView get(long id, @Parameter(hidden = true) Actor reader) {
        return notices.miniProgramGet(reader, id);
    }

    @Get("/{id}/attachments/{fileId}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "")
    @Operation(operationId = "downloadMiniProgramNoticeAttachment", summary = "A file of a notice the reader may read")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "401", codes = "TOKEN_INVALID")
    @ProblemResponse(status = "404", codes = NOT_FOUND + ", or no such file in it")
    HttpResponse<StreamedFile> attachment(long id, String fileId, @Parameter(hidden = true) Actor reader) {
        return Downloads.attachment(notices.miniProgramAttachment(reader, id, fileId));
    }

    @Post("/{id}/read")
    @Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER"})
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "confirmNoticeRead",
            summary = "Confirm a notice to pharmacies as read (信息接收); again changes nothing",
            description = "The regulators see which pharmacies have not confirmed.")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a clerk or manager")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    PublishedNoticeView confirm(long id, @Parameter(hidden = true) Actor reader) {
        return notices.confirm(reader, id);
    }
}
