package com.cogov.portal.pharmacy;

import com.cogov.api.account.AccountService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.pharmacy.PharmacyService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.pharmacy.ManagerActivation;
import com.cogov.contracts.pharmacy.PharmacyRequests;
import com.cogov.contracts.pharmacy.PharmacyView;
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
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The pharmacy lifecycle (docs/pharmacy-lifecycle.md): the city administrator on the whole city, a district inspector
 * on their own district, where a pharmacy of another district answers 404 as if it did not exist. Transfers are the
 * city's alone (403 for an inspector).
 */
@Controller("/portal/v1/pharmacies")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Pharmacies")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
class PharmacyController {

    private static final String FORBIDDEN = "FORBIDDEN: only the city administrator and district inspectors";
    private static final String NOT_FOUND = "PHARMACY_NOT_FOUND: no such pharmacy, or outside the inspector's district";
    private static final String BAD_BODY = "VALIDATION_FAILED (a field missing, too long or out of range, named in"
            + " errors), MALFORMED_REQUEST (not JSON, an unknown status, an id that is not a number)";

    private final PharmacyService pharmacies;
    private final AccountService accounts;

    PharmacyController(PharmacyService pharmacies, AccountService accounts) {
        this.pharmacies = pharmacies;
        this.accounts = accounts;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "createPharmacy",
            summary = "Add a pharmacy (药店新增); an inspector adds in their own district",
            description = "The credit code is checked (GB 32100-2015); the licence number is unique in the city.")
    @ProblemResponse(status = "400", codes = BAD_BODY + "; CREDIT_CODE_INVALID")
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or not the inspector's district")
    @ProblemResponse(status = "409", codes = "LICENSE_NUMBER_TAKEN; DISTRICT_RETIRED")
    PharmacyView create(@Body @Valid PharmacyRequests.Create request, @Parameter(hidden = true) Actor actor) {
        return pharmacies.create(actor, request);
    }

    @Get
    @Operation(
            operationId = "listPharmacies",
            summary = "Pharmacies, newest first; an inspector sees their own district",
            description = "q: a substring of the name, address or licence number. Cursor paging: pass nextCursor back"
                    + " as cursor; limit 1 to 200 (default 50).")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (districtCode, status or q), PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or not the inspector's district")
    Page<PharmacyView> list(
            @Nullable @QueryValue @Parameter(example = "420106") String districtCode,
            @Nullable @QueryValue @Parameter(description = "ACTIVE, SUSPENDED or CLOSED") String status,
            @Nullable @QueryValue @Parameter(description = "Name, address or licence number, in part") String q,
            @Nullable @QueryValue String limit,
            @Nullable @QueryValue String cursor,
            @Parameter(hidden = true) Actor actor) {
        return pharmacies.list(actor, districtCode, status, q, page(limit, cursor));
    }

    @Get("/{id}")
    @Operation(operationId = "getPharmacy", summary = "One pharmacy with its history of changes, newest first")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    PharmacyView get(long id, @Parameter(hidden = true) Actor actor) {
        return pharmacies.get(actor, id);
    }

    @Patch("/{id}")
    @Operation(
            operationId = "editPharmacy",
            summary = "Change a pharmacy's name, address, coordinates, hours or phone; the old values stay in its"
                    + " history",
            description = "Absent fields stay as they are; an empty openingHours or phone clears it; latitude and"
                    + " longitude come together.")
    @ProblemResponse(status = "400", codes = BAD_BODY)
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(status = "409", codes = "PHARMACY_CLOSED: a closed pharmacy's record is frozen")
    PharmacyView edit(long id, @Body @Valid PharmacyRequests.Edit request, @Parameter(hidden = true) Actor actor) {
        return pharmacies.edit(actor, id, request);
    }

    @Post("/{id}/transfer")
    @Operation(
            operationId = "transferPharmacy",
            summary = "Move a pharmacy to another district (区域调动; the city only)",
            description = "Past sales stay counted in the district where they were made; future sales and the"
                    + " pharmacy's open alerts go to the new district.")
    @ProblemResponse(status = "400", codes = BAD_BODY)
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator")
    @ProblemResponse(status = "404", codes = "PHARMACY_NOT_FOUND; DISTRICT_NOT_FOUND: the target district is unknown")
    @ProblemResponse(
            status = "409",
            codes = "TRANSFER_SAME_DISTRICT; DISTRICT_RETIRED: the target district is retired; PHARMACY_CLOSED")
    PharmacyView transfer(
            long id, @Body @Valid PharmacyRequests.Transfer request, @Parameter(hidden = true) Actor actor) {
        return pharmacies.transfer(actor, id, request);
    }

    @Post("/{id}/status")
    @Operation(
            operationId = "changePharmacyStatus",
            summary = "Suspend, close or reopen a pharmacy (药店状态变更)",
            description = "SUSPENDED or CLOSED: its staff are disabled and their tokens refused on every node within a"
                    + " second, and its sales refused (PHARMACY_SUSPENDED, PHARMACY_CLOSED). ACTIVE (from SUSPENDED):"
                    + " the staff the suspension disabled are enabled again. CLOSED is final.")
    @ProblemResponse(status = "400", codes = BAD_BODY + "; no reason")
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(
            status = "409",
            codes = "PHARMACY_STATUS_TRANSITION_INVALID: the same status, or a closed pharmacy")
    PharmacyView changeStatus(
            long id, @Body @Valid PharmacyRequests.StatusChange request, @Parameter(hidden = true) Actor actor) {
        return pharmacies.changeStatus(actor, id, request);
    }

    @Post("/{id}/manager-activation")
    @Operation(
            operationId = "issueManagerActivation",
            summary = "A single-use activation code for the pharmacy's manager (账号发放, or a lost phone)",
            description = "Creates the manager account when the pharmacy has none. The manager binds the code with"
                    + " POST /mp/v1/auth/bind; binding ends the manager's earlier binding and its sessions.")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "403", codes = FORBIDDEN)
    @ProblemResponse(status = "404", codes = NOT_FOUND)
    @ProblemResponse(
            status = "409",
            codes = "PHARMACY_SUSPENDED, PHARMACY_CLOSED; MANAGER_ACCOUNT_DISABLED: enable the manager first")
    ManagerActivation managerActivation(long id, @Parameter(hidden = true) Actor actor) {
        IssuedCredential issued = accounts.issueManagerActivation(actor, id);
        return new ManagerActivation(issued.activationCode(), issued.activationCodeExpiresAt());
    }

    /** A limit that is not a number is out of range, answered as such (PAGE_LIMIT_INVALID), not as a 500. */
    private static PageRequest page(@Nullable String limit, @Nullable String cursor) {
        Integer rows = null;
        if (limit != null) {
            try {
                rows = Integer.valueOf(limit.strip());
            } catch (NumberFormatException e) {
                rows = 0;
            }
        }
        return PageRequest.of(rows, cursor);
    }
}
