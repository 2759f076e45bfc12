package com.cogov.bff.contentcheck;

import com.cogov.api.file.FileService;
import com.cogov.api.shared.CogovException;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.error.ErrorCode;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A file by a short-lived signed link (the files piece's {@code link}): how WeChat's media_check_async fetches the
 * image it checks, with no token of ours. The signature names one file and an expiry; anything else, and an expired
 * link, is the same 404 as a file that does not exist. Sent as a download, never inline.
 */
@Controller("/mp/v1/files")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Files")
class FileLinkController {

    private final FileService files;

    FileLinkController(FileService files) {
        this.files = files;
    }

    @SecurityRequirement(name = "") // signed link, no token
    @Get("/{id}")
    @Operation(
            operationId = "downloadLinkedFile",
            summary = "A file by its signed link (for WeChat's image check)",
            description = "expires (epoch seconds) and signature come with the link; the link opens this one file"
                    + " until it expires.")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment")
    @ProblemResponse(status = "400", codes = "MISSING_PARAMETER, MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "NOT_FOUND: no such file, a wrong signature or an expired link")
    HttpResponse<StreamedFile> download(String id, @QueryValue long expires, @Nullable @QueryValue String signature) {
        return files.openLinked(id, expires, signature)
                .map(Downloads::attachment)
                .orElseThrow(() -> new CogovException(ErrorCode.NOT_FOUND, "链接无效或已过期"));
    }
}
