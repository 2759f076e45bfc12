package com.cogov.portal.crossborder;

import com.cogov.api.crossborder.CrossBorderService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.crossborder.CrossBorderPharmacistView;
import com.cogov.contracts.crossborder.CrossBorderRequests;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The bureau's register of cross-border (Macau) pharmacists (跨境执业, docs/notices.md): the city only. */
@Controller("/portal/v1/cross-border-pharmacists")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Cross-border pharmacists")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator")
class CrossBorderController {

    private static final String NOT_FOUND = "CROSS_BORDER_PHARMACIST_NOT_FOUND";

    private final CrossBorderService register;

    CrossBorderController(CrossBorderService register) {
        this.register = register;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(operationId = "registerCrossBorderPharmacist", summary = "Register a Macau pharmacist at a pharmacy")
    @ApiResponse(responseCode = "201", description = "Registered, with its status today")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED, MALFORMED_REQUEST (e.g. a date not YYYY-MM-DD), CROSS_BORDER_VALIDITY_INVALID"
                    + " (validTo before validFrom)")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND")
    @ProblemResponse(status = "409", codes = "CROSS_BORDER_LICENSE_TAKEN: the licence number is registered")
    CrossBorderPharmacistView create(
            @Body @Valid CrossBorderRequests.Create request, @Parameter(hidden = true) Actor actor) {
        return register.create(actor, request);
    }

    @Get
    @Operation(
            operationId = "listCrossBorderPharmacists",
            summary = "The register, newest first, with each registration's status today",
            description = "q: part of either name or the licence number. Cursor paging: limit 1 to 200, default 50.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (q over 50), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    Page<CrossBorderPharmacistView> list(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue Integer limit,
            @Parameter(hidden = true) Actor actor) {
        return register.list(actor, q, PageRequest.of(limit, cursor));
    }

    @Patch("/{id}")
    @Operation(operationId = "editCrossBorderPharmacist", summary = "Correct a registration; absent fields stay")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST, CROSS_BORDER_VALIDITY_INVALID")
    @ProblemResponse(status = "404", codes = NOT_FOUND + ", PHARMACY_NOT_FOUND")
    @ProblemResponse(
            status = "409",
            codes = "CROSS_BORDER_LICENSE_TAKEN, CROSS_BORDER_REVOKED: a revoked one stays as it was")
    CrossBorderPharmacistView edit(
            long id, @Body @Valid CrossBorderRequests.Edit request, @Parameter(hidden = true) Actor actor) {
        return register.edit(actor, id, request);
    }

    @Post("/{id}/revoke")
    @Operation(operationId = "revokeCrossBorderPharmacist", summary = "Revoke a registration, with the reason")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: a reason is required")
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "CROSS_BORDER_REVOKED: revoked already")
    CrossBorderPharmacistView revoke(
            long id, @Body @Valid CrossBorderRequests.Revoke request, @Parameter(hidden = true) Actor actor) {
        return register.revoke(actor, id, request.reason());
    }
}
