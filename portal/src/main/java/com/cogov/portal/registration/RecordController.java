package com.cogov.portal.registration;

import com.cogov.api.registration.RegistrationService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.RegistrationDetail;
import com.cogov.contracts.registration.RegistrationItemRecord;
import com.cogov.contracts.registration.RegistrationRecord;
import com.cogov.contracts.registration.UnmaskedBuyer;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The regulator's record queries (上报登记查询 and 购药明细查询): the city administrator reads the whole city, a district
 * inspector their district. The filters are read as text and parsed by the registration feature, in the one way its
 * exports parse them too.
 */
@Controller("/portal/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Records")
class RecordController {

    private static final String FILTERS = "from and to are required (ISO-8601 instants, or a date meaning 00:00 China"
            + " time; to is exclusive; at most 366 days). Cursor paging: pass nextCursor back as cursor; limit 1 to"
            + " 200. A search by documentNumber (through the blind index) requires reason and is audited.";
    private static final String BAD_INPUT = "TIME_SPAN_INVALID, QUERY_PARAMETER_INVALID, REASON_REQUIRED,"
            + " PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID, BARCODE_INVALID, ID_NUMBER_INVALID";
    private static final String OUT_OF_SCOPE =
            "DISTRICT_NOT_FOUND, PHARMACY_NOT_FOUND (unknown, or outside the inspector's district), DRUG_NOT_FOUND";

    private final RegistrationService registrations;

    RecordController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Get("/registrations")
    @Operation(summary = "Registration reports: one row per sale, newest first (buyer masked)", description = FILTERS)
    @ProblemResponse(status = "400", codes = BAD_INPUT)
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(status = "404", codes = OUT_OF_SCOPE)
    Page<RegistrationRecord> registrations(@RequestBean RecordQuery query, @Parameter(hidden = true) Actor regulator) {
        return registrations.records(regulator, query.filter(), query.page());
    }

    @Get("/registration-items")
    @Operation(summary = "Purchase details: one row per item sold, newest first", description = FILTERS)
    @ProblemResponse(status = "400", codes = BAD_INPUT)
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(status = "404", codes = OUT_OF_SCOPE)
    Page<RegistrationItemRecord> registrationItems(
            @RequestBean RecordQuery query, @Parameter(hidden = true) Actor regulator) {
        return registrations.itemRecords(regulator, query.filter(), query.page());
    }

    @Get("/registrations/{number}")
    @Operation(summary = "One sale in full: items, warnings, the alerts it raised, its void (buyer masked)")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(
            status = "404",
            codes = "REGISTRATION_NOT_FOUND: no such number, or outside the inspector's district")
    RegistrationDetail registration(
            @Parameter(description = "The registration's number", example = "DJ202611214830192756") String number,
            @Parameter(hidden = true) Actor regulator) {
        return registrations.record(regulator, number);
    }

    @Post("/registrations/{number}/buyer/unmask")
    @Operation(summary = "Show the sale's buyer in full; requires a reason, and is recorded in the audit trail")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: a reason is required (at most 200 characters)")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator and district inspectors")
    @ProblemResponse(
            status = "404",
            codes = "REGISTRATION_NOT_FOUND: no such number, or outside the inspector's district")
    UnmaskedBuyer unmaskBuyer(
            @Parameter(description = "The registration's number", example = "DJ202611214830192756") String number,
            @Body @Valid AccountRequests.Reason request,
            @Parameter(hidden = true) Actor regulator) {
        return registrations.unmaskBuyer(regulator, number, request.reason());
    }
}
