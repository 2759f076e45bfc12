package com.cogov.portal.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.pharmacy.DistrictNode;
import com.cogov.contracts.pharmacy.DistrictRequests;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * 行政区划维护, the city administrator's: the divisions as a tree, a district added, renamed or retired (never deleted).
 * The public pickers' list stays at {@code GET /portal/v1/public/districts} (districts in use only).
 */
@Controller("/portal/v1/districts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Districts")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator")
class DistrictAdminController {

    private final PharmacyService pharmacies;

    DistrictAdminController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Get
    @Operation(
            operationId = "getDistrictTree",
            summary = "The city's administrative divisions as a tree, retired districts included and marked")
    DistrictNode tree(@Parameter(hidden = true) Actor admin) {
        return pharmacies.districtTree(admin);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "addDistrict", summary = "Add a district to the city (GB/T 2260 code)")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED: a code that is not six digits or not of the city; MALFORMED_REQUEST")
    @ProblemResponse(status = "409", codes = "DISTRICT_CODE_TAKEN: the code exists, retired codes included")
    DistrictNode add(@Body @Valid DistrictRequests.Create request, @Parameter(hidden = true) Actor admin) {
        return pharmacies.addDistrict(admin, request);
    }

    @Patch("/{code}")
    @Operation(
            operationId = "editDistrict",
            summary = "Rename a district, or retire its code (final, once its pharmacies are transferred)")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED: nothing to change, or an empty name; QUERY_PARAMETER_INVALID: a code that is"
                    + " not six digits; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND")
    @ProblemResponse(
            status = "409",
            codes = "DISTRICT_HAS_PHARMACIES: transfer them first; DISTRICT_RETIRED: a retired district is final")
    DistrictNode edit(
            @Parameter(example = "420106") String code,
            @Body @Valid DistrictRequests.Edit request,
            @Parameter(hidden = true) Actor admin) {
        return pharmacies.editDistrict(admin, code, request);
    }
}
