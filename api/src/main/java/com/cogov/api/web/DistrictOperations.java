package com.cogov.api.web;

import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

/** The city's districts, open to everyone, as both apps publish them (each under its own prefix). */
public interface DistrictOperations {

    @Get("/districts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The city's districts (GB/T 2260 codes), for pickers such as the pharmacy finder's")
    List<DistrictView> districts();
}
