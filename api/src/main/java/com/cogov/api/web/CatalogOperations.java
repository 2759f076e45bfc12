package com.cogov.api.web;

import com.cogov.contracts.catalog.DrugView;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * The drug lookup both apps publish, open to everyone (the public looks drugs up too): implemented by each app's
 * controller under its own prefix, and called by the tests through a declarative client of this interface.
 */
public interface CatalogOperations {

    @Get("/drugs/barcode/{code}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "getDrugByBarcode",
            summary = "Resolve a scanned code to a drug",
            description = "A commodity barcode (EAN-13, EAN-8, UPC-A, check digit verified) or a 20-digit traceability "
                    + "code (by its 7-digit product identifier). Open to everyone: the public looks drugs up too.")
    @ApiResponse(responseCode = "200", description = "The drug")
    @ProblemResponse(status = "400", codes = "BARCODE_INVALID")
    @ProblemResponse(status = "404", codes = "DRUG_NOT_FOUND")
    DrugView drugByBarcode(String code);
}
