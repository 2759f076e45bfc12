package com.cogov.bff.catalog;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.shared.Actor;
import com.cogov.api.shared.ImageUpload;
import com.cogov.api.web.CatalogOperations;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.catalog.DecodedBarcodes;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.UnknownBarcodeReportRequest;
import com.cogov.contracts.catalog.UnknownBarcodeReportView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
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
import jakarta.validation.Valid;
import java.io.IOException;

@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Drugs")
class DrugController implements CatalogOperations {

    private final CatalogService catalog;

    DrugController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Override
    public DrugView drugByBarcode(String code) {
        return catalog.findByCode(code);
    }

    @Post(value = "/drugs/barcode/decode", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "decodeBarcodePhoto",
            summary = "Read the codes in a photo of a drug package",
            description =
                    "For when the phone's own scanner fails (glare, damage, a code it does not read): multipart field "
                            + "`image`, a JPEG, PNG or WebP of at most 5 MB, judged by its content, not its name. Finds EAN-13, "
                            + "EAN-8, UPC-A, Code 128 (traceability codes, GS1-128), DataMatrix and QR codes, several per photo, "
                            + "and resolves each to its drug; a code that does not resolve carries errorCode instead.")
    @ApiResponse(responseCode = "200", description = "The codes found, each with its drug or the reason it has none")
    @ProblemResponse(
            status = "400",
            codes = "UPLOAD_EMPTY, MISSING_PARAMETER, MALFORMED_REQUEST (a part without a name)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "413", codes = "UPLOAD_TOO_LARGE, PAYLOAD_TOO_LARGE")
    @ProblemResponse(status = "415", codes = "UPLOAD_NOT_AN_IMAGE")
    @ProblemResponse(status = "422", codes = "IMAGE_UNREADABLE, BARCODE_NOT_FOUND_IN_IMAGE")
    @ProblemResponse(
            status = "503",
            codes = "SERVICE_UNAVAILABLE: every core is reading a photo; retry after Retry-After")
    DecodedBarcodes decode(@Part("image") CompletedFileUpload image) throws IOException {
        return catalog.decodePhoto(ImageUpload.of(image.getBytes()));
    }

    @Post("/drugs/barcode/reports")
    @Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER"})
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "reportUnknownBarcode",
            summary = "Report a code the catalog lacks, for the regulator to add",
            description = "For the caller's own pharmacy. A repeat report of the same code by the pharmacy answers the "
                    + "existing report (200) instead of creating another (201).")
    @ApiResponse(
            responseCode = "201",
            description = "Reported",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = UnknownBarcodeReportView.class)))
    @ApiResponse(responseCode = "200", description = "Already reported by this pharmacy: the existing report")
    @ProblemResponse(status = "400", codes = "BARCODE_INVALID, VALIDATION_FAILED")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not pharmacy staff")
    @ProblemResponse(status = "409", codes = "BARCODE_ALREADY_KNOWN: the catalog resolves it; look it up instead")
    HttpResponse<UnknownBarcodeReportView> report(
            @Body @Valid UnknownBarcodeReportRequest request, @Parameter(hidden = true) Actor clerk) {
        CatalogService.ReportedBarcode reported =
                catalog.reportUnknownBarcode(clerk, request.barcode(), request.note());
        return reported.created() ? HttpResponse.created(reported.report()) : HttpResponse.ok(reported.report());
    }
}
