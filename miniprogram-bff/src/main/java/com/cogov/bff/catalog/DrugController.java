package com.cogov.bff.catalog;

import com.cogov.api.catalog.CatalogService;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@Controller("/mp/v1/drugs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Drugs")
class DrugController {

    private final CatalogService catalog;

    DrugController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @Get("/barcode/{code}")
    @Operation(summary = "Resolve a scanned code to a drug",
            description = "A commodity barcode (EAN-13, EAN-8, UPC-A, check digit verified) or a 20-digit traceability "
                    + "code (by its 7-digit product identifier). Open to everyone: the public looks drugs up too.")
    @ApiResponse(responseCode = "200", description = "The drug")
    @ApiResponse(responseCode = "400", description = "BARCODE_INVALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "DRUG_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    DrugView byBarcode(String code) {
        return catalog.findByCode(code);
    }
}
