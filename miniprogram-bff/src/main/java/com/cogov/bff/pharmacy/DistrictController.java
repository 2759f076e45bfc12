package com.cogov.bff.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/mp/v1/districts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Pharmacies")
class DistrictController {

    private final PharmacyService pharmacies;

    DistrictController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Get
    @Operation(summary = "The city's districts, for the pharmacy finder's picker")
    List<DistrictView> list() {
        return pharmacies.districts();
    }
}
