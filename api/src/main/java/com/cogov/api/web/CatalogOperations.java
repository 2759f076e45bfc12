package com.cogov.api.web;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The drug lookup both apps publish, open to everyone (the public looks drugs up too): implemented by each app's
 * controller under its own prefix, and called by the tests through a declarative client of this interface.
 */
public interface CatalogOperations {

    @Get("/drugs/barcode/{code}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Resolve a scanned code to a drug",
            description = "A commodity barcode (EAN-13, EAN-8, UPC-A, check digit verified) or a 20-digit traceability "
                    + "code (by its 7-digit product identifier). Open to everyone: the public looks drugs up too.")
    @ApiResponse(responseCode = "200", description = "The drug")
    @ApiResponse(responseCode = "400", description = "BARCODE_INVALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "DRUG_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    DrugView drugByBarcode(String code);
}
