package com.cogov.portal.notice;

import com.cogov.api.notice.NoticeService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.notice.PublishedNoticeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Notices on the public web: the published PUBLIC ones, the same for everyone (so the public routes' shared caching
 * may keep them), pinned first, newest next.
 */
@Controller("/portal/v1/public/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@SecurityRequirement(name = "") // public
@Tag(name = "Public notices")
class PublicNoticeController {

    private final NoticeService notices;

    PublicNoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @Get
    @Operation(
            operationId = "listPublicNotices",
            summary = "Published notices to the public, pinned first, newest next (without their bodies)",
            description = "City-wide and every district's; with districtCode, that district's and the city-wide ones."
                    + " Cursor paging: limit 1 to 200, default 50.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (a malformed districtCode), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND")
    Page<PublishedNoticeView> list(
            @Nullable @QueryValue String districtCode,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit) {
        return notices.publicList(districtCode, PageRequest.of(limit, cursor));
    }

    @Get("/{id}")
    @Operation(operationId = "getPublicNotice", summary = "A published notice to the public, with its body and files")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "NOTICE_NOT_FOUND: no such published notice to the public")
    PublishedNoticeView get(long id) {
        return notices.publicGet(id);
    }

    @Get("/{id}/attachments/{fileId}")
    @Operation(operationId = "downloadPublicNoticeAttachment", summary = "A published public notice's file")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment (an <img> shows it all the same)",
            content = {
                @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "404", codes = "NOTICE_NOT_FOUND: no such notice or file")
    HttpResponse<StreamedFile> attachment(long id, String fileId) {
        return Downloads.attachment(notices.publicAttachment(id, fileId));
    }
}
