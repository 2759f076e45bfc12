package com.cogov.portal.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.pharmacy.PharmacySummary;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller("/portal/v1/pharmacies")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Pharmacies")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator")
class PharmacyAdminController {

    private final PharmacyService pharmacies;

    PharmacyAdminController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Post("/{id}/disable")
    @Operation(
            operationId = "disablePharmacy",
            summary = "Disable a pharmacy; its clerks and managers are disabled with it")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND")
    PharmacySummary disable(
            long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return pharmacies.disable(admin, id, request.reason());
    }
}
