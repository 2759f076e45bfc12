package com.cogov.portal.export;

import com.cogov.api.export.ExportService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.export.ExportRequest;
import com.cogov.contracts.job.JobView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
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

/** Masked exports for regulators (docs/platform: exports), made in the background and fetched by their requester. */
@Controller("/portal/v1/exports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Exports")
class ExportController {

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "createExport",
            summary = "Start an export; follow it at /portal/v1/jobs/{id}, fetch it at /portal/v1/exports/{id}/file",
            description = "The filter takes the query route's parameters by name and is checked as that route checks"
                    + " them, in the caller's scope, before the job exists. The file is masked, names the exporter,"
                    + " the time and the filter in its first rows, and can be fetched by the requester for 24 hours.")
    @ApiResponse(responseCode = "202", description = "Queued: the job making the file")
    @ProblemResponse(
            status = "400",
            codes = "EXPORT_KIND_UNKNOWN, EXPORT_FORMAT_UNKNOWN, QUERY_PARAMETER_INVALID (a filter value that is an"
                    + " object or list, or one the query route refuses), TIME_SPAN_INVALID, VALIDATION_FAILED")
    @ProblemResponse(status = "403", codes = "FORBIDDEN (not a city or district regulator)")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND, PHARMACY_NOT_FOUND (outside the caller's scope)")
    JobView create(@Body @Valid ExportRequest request, @Parameter(hidden = true) Actor actor) {
        return exports.create(actor, request);
    }

    @Get("/{id}/file")
    @Operation(
            operationId = "downloadExport",
            summary = "The export's file (xlsx or csv), for its requester, within 24 hours of its making")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment",
            content = {
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary"))
            })
    @ProblemResponse(status = "403", codes = "FORBIDDEN (not a city or district regulator)")
    @ProblemResponse(status = "404", codes = "JOB_NOT_FOUND (no such export, or another user's)")
    @ProblemResponse(status = "409", codes = "EXPORT_NOT_READY (still running, failed or cancelled)")
    @ProblemResponse(status = "410", codes = "EXPORT_EXPIRED (past its 24 hours: export again)")
    HttpResponse<StreamedFile> file(long id, @Parameter(hidden = true) Actor actor) {
        return Downloads.attachment(exports.download(actor, id));
    }
}
