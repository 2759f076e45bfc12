package com.cogov.portal.publicweb;

import com.cogov.api.catalog.CatalogService;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.error.Problem;
import com.cogov.contracts.pharmacy.DistrictView;
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

import java.util.List;

/** Queries the public may make on the web portal without signing in. */
@Controller("/portal/v1/public")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Public queries")
class PublicQueryController {

    private final CatalogService catalog;
    private final PharmacyService pharmacies;

    PublicQueryController(CatalogService catalog, PharmacyService pharmacies) {
        this.catalog = catalog;
        this.pharmacies = pharmacies;
    }

    @Get("/drugs/barcode/{code}")
    @Operation(summary = "Look a drug up by its barcode or traceability code")
    @ApiResponse(responseCode = "200", description = "The drug")
    @ApiResponse(responseCode = "400", description = "BARCODE_INVALID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "DRUG_NOT_FOUND",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    DrugView drugByBarcode(String code) {
        return catalog.findByCode(code);
    }

    @Get("/districts")
    @Operation(summary = "The city's districts (GB/T 2260 codes)")
    List<DistrictView> districts() {
        return pharmacies.districts();
    }
}
