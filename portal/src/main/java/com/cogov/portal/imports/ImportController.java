package com.cogov.portal.imports;

import com.cogov.api.imports.ImportService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.Downloads;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.job.JobView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
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
import java.io.IOException;
import java.io.InputStream;

/** 药店导入, 药品导入 (docs/imports.md): templates, uploads run as jobs, and the workbook of refused rows. */
@Controller("/portal/v1/imports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Imports")
class ImportController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService imports;

    ImportController(ImportService imports) {
        this.imports = imports;
    }

    @Get("/templates/{kind}")
    @Operation(
            operationId = "downloadImportTemplate",
            summary = "The kind's .xlsx template: Chinese headers, an example row, a sheet of allowed values and"
                    + " drop-downs on those columns")
    @ApiResponse(
            responseCode = "200",
            description = "The template, as an attachment",
            content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
    @ProblemResponse(status = "400", codes = "IMPORT_KIND_UNKNOWN")
    @ProblemResponse(status = "403", codes = "FORBIDDEN (DRUGS is the city administrator's)")
    HttpResponse<StreamedFile> template(
            @Parameter(example = "PHARMACIES", description = "PHARMACIES or DRUGS") String kind,
            @Parameter(hidden = true) Actor actor) {
        return Downloads.attachment(imports.template(actor, kind));
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    @Status(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "createImport",
            summary = "Upload a filled template: follow the job at /portal/v1/jobs/{id}, fetch refused rows at"
                    + " /portal/v1/imports/{id}/errors",
            description = "Multipart fields `file` (.xlsx, .xls, or .csv in UTF-8 with or without a byte-order mark"
                    + " or GBK; judged by content, never by name; at most 20 MB), `kind` (PHARMACIES or DRUGS) and"
                    + " `dryRun` (true: check and count, write nothing). The header row is checked before the job"
                    + " exists. The job's result counts accepted, rejected, inserted, updated and unchanged rows.")
    @ApiResponse(responseCode = "202", description = "Queued: the job importing the file")
    @ProblemResponse(
            status = "400",
            codes = "IMPORT_KIND_UNKNOWN, IMPORT_FILE_EMPTY, MALFORMED_REQUEST (dryRun not true or false),"
                    + " MISSING_PARAMETER")
    @ProblemResponse(status = "403", codes = "FORBIDDEN (DRUGS is the city administrator's)")
    @ProblemResponse(status = "413", codes = "IMPORT_FILE_TOO_LARGE (over 20 MB)")
    @ProblemResponse(
            status = "415",
            codes = "IMPORT_FILE_UNSUPPORTED (not xlsx, xls or csv; corrupt, encrypted or a zip bomb)")
    @ProblemResponse(status = "422", codes = "IMPORT_HEADERS_MISMATCH (names the missing and the unknown columns)")
    JobView create(
            @Part("file") CompletedFileUpload file,
            @Part("kind") String kind,
            @Nullable @Part("dryRun") String dryRun,
            @Parameter(hidden = true) Actor actor)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return imports.start(actor, kind, dryRun, file.getFilename(), content);
        }
    }

    @Get("/{id}/errors")
    @Operation(
            operationId = "downloadImportErrors",
            summary = "The import's refused rows as they were, with a reason column: fix them and upload this file")
    @ApiResponse(
            responseCode = "200",
            description = "The workbook, as an attachment",
            content = @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")))
    @ProblemResponse(status = "404", codes = "JOB_NOT_FOUND (no such import, or another user's)")
    @ProblemResponse(status = "409", codes = "IMPORT_ERRORS_NOT_READY (still running, failed or cancelled)")
    @ProblemResponse(status = "410", codes = "IMPORT_ERRORS_EXPIRED (kept 7 days)")
    HttpResponse<StreamedFile> errors(long id, @Parameter(hidden = true) Actor actor) {
        return Downloads.attachment(imports.errors(actor, id));
    }
}
