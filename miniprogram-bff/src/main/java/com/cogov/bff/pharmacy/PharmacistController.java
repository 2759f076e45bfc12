package com.cogov.bff.pharmacy;

import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.pharmacy.PharmacistRequests;
import com.cogov.contracts.pharmacy.PharmacistView;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.util.List;

/**
 * A pharmacy's licensed pharmacists (执业药师) and who is on duty (在岗), kept by its manager; the public pharmacy
 * search shows them. Only the caller's own pharmacy: another pharmacy's pharmacist is not found.
 */
@Controller("/mp/v1/pharmacy/pharmacists")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Pharmacy staff")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
class PharmacistController {

    private final PharmacyService pharmacies;

    PharmacistController(PharmacyService pharmacies) {
        this.pharmacies = pharmacies;
    }

    @Get
    @Secured({"PHARMACY_MANAGER", "PHARMACY_CLERK"})
    @Operation(operationId = "listPharmacists", summary = "My pharmacy's licensed pharmacists and who is on duty now")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not pharmacy staff")
    List<PharmacistView> list(@Parameter(hidden = true) Actor staff) {
        return pharmacies.pharmacists(staff);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured("PHARMACY_MANAGER")
    @Operation(
            operationId = "addPharmacist",
            summary = "Add a licensed pharmacist of my pharmacy (name and licence number, as the register shows them)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a pharmacy manager")
    @ProblemResponse(status = "409", codes = "PHARMACIST_LICENSE_TAKEN: the licence is on the register already")
    PharmacistView add(@Body @Valid PharmacistRequests.Add request, @Parameter(hidden = true) Actor manager) {
        return pharmacies.addPharmacist(manager, request);
    }

    @Post("/{id}/duty")
    @Secured("PHARMACY_MANAGER")
    @Operation(
            operationId = "setPharmacistDuty",
            summary = "Mark a pharmacist on or off duty",
            description = "On duty lapses by itself at the end of today's opening hours (midnight for a shop open"
                    + " round the clock or when marked while closed).")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: onDuty missing; MALFORMED_REQUEST")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a pharmacy manager")
    @ProblemResponse(status = "404", codes = "PHARMACIST_NOT_FOUND: no such pharmacist in my pharmacy")
    PharmacistView duty(
            long id, @Body @Valid PharmacistRequests.Duty request, @Parameter(hidden = true) Actor manager) {
        return pharmacies.pharmacistDuty(manager, id, request);
    }
}
