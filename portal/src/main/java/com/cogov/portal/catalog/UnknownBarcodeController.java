package com.cogov.portal.catalog;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.catalog.DrugRequests;
import com.cogov.contracts.catalog.UnknownBarcodeView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The unknown-barcode queue (docs/catalog.md): codes clerks scanned that the catalog lacked, reported from the
 * mini-program, for the city administrator to attach to a drug or reject.
 */
@Controller("/portal/v1/catalog/unknown-barcodes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Catalog")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator")
class UnknownBarcodeController {

    private final CatalogService catalog;

    UnknownBarcodeController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Get
    @Operation(
            operationId = "listUnknownBarcodes",
            summary = "Reported unknown codes, one row per code, newest first",
            description = "Each row: how many pharmacies reported the code, its first and last report, the notes."
                    + " status: NEW (default), RESOLVED or REJECTED. Cursor paging as every list.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (status), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<UnknownBarcodeView> list(
            @Nullable @QueryValue @Parameter(description = "NEW, RESOLVED or REJECTED") String status,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue String limit,
            @Parameter(hidden = true) Actor actor) {
        return catalog.unknownBarcodes(actor, status, DrugController.page(limit, cursor));
    }

    @Post("/{barcode}/resolve")
    @Operation(
            operationId = "resolveUnknownBarcode",
            summary = "Attach a reported code to a drug, create the drug with it, or reject it",
            description = "Exactly one of drugId, drug or reject. Resolved, the code finds its drug for every clerk at"
                    + " once; the reports close and each reporting pharmacy's managers get an inbox message.")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED (none or more than one of drugId, drug, reject; a bad field of drug; no reason),"
                    + " BARCODE_INVALID, MALFORMED_REQUEST")
    @ProblemResponse(
            status = "404",
            codes = "UNKNOWN_BARCODE_NOT_FOUND: no pharmacy reported it; DRUG_NOT_FOUND: no drug of drugId")
    @ProblemResponse(
            status = "409",
            codes = "UNKNOWN_BARCODE_ALREADY_HANDLED; BARCODE_TAKEN: another drug has the code; DRUG_RETIRED;"
                    + " DRUG_ALREADY_EXISTS: the new drug's natural key is another drug's")
    UnknownBarcodeView resolve(
            String barcode, @Body @Valid DrugRequests.Resolve request, @Parameter(hidden = true) Actor actor) {
        return catalog.resolveUnknownBarcode(actor, barcode, request);
    }
}
