package com.cogov.api.web;

import com.cogov.contracts.pharmacy.DistrictView;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;

/** The city's districts, open to everyone, as both apps publish them (each under its own prefix). */
public interface DistrictOperations {

    @Get("/districts")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public
    @Operation(
            operationId = "listDistricts",
            summary = "The city's districts (GB/T 2260 codes), for pickers such as the pharmacy finder's")
    @ProblemResponse(status = "406", codes = "NOT_ACCEPTABLE: the Accept header excludes JSON")
    List<DistrictView> districts();
}
