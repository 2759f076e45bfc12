package com.cogov.portal.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
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
class PharmacyAdminController {

    private final PharmacyService pharmacies;

    PharmacyAdminController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Post("/{id}/disable")
    @Operation(summary = "Disable a pharmacy; its clerks and managers are disabled with it")
    PharmacySummary disable(
            long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return pharmacies.disable(admin, id, request.reason());
    }
}
