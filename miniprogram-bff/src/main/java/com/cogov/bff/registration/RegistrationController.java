package com.cogov.bff.registration;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.registration.RegistrationService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.paging.Page;
import com.cogov.contracts.registration.DailySummary;
import com.cogov.contracts.registration.RegistrationBatch;
import com.cogov.contracts.registration.RegistrationRequest;
import com.cogov.contracts.registration.RegistrationResult;
import com.cogov.contracts.registration.RegistrationView;
import com.cogov.contracts.registration.VoidRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

/** The counter: register each sale of a special compound preparation, and look back over the pharmacy's own. */
@Controller("/mp/v1/registrations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"PHARMACY_CLERK", "PHARMACY_MANAGER"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Registrations")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not pharmacy staff")
class RegistrationController {

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "registerSale",
            summary = "Register a sale",
            description =
                    "Send a new Idempotency-Key per sale and the same key when retrying it: the same key and body "
                            + "answer the same result (a retry arriving while the first is being written waits for it), the same key "
                            + "with another body 422.")
    @ApiResponse(responseCode = "201", description = "Accepted, with any warnings the rules raised")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED, MALFORMED_REQUEST, IDEMPOTENCY_KEY_REQUIRED, IDENTITY_REF_INVALID, "
                    + "SOLD_AT_OUT_OF_RANGE, NOT_A_SPECIAL_DRUG")
    @ProblemResponse(status = "422", codes = "REGISTRATION_BLOCKED or IDEMPOTENCY_KEY_REUSED")
    // On the registration pool (application.yml): a few threads check sales in arrival order while the commit
    // writers answer them, instead of one blocked thread per waiting counter competing for the two cores.
    @ExecuteOn("registration")
    CompletableFuture<RegistrationResult> register(
            @Nullable @Header("Idempotency-Key") String idempotencyKey,
            @Body @Valid RegistrationRequest request,
            @Parameter(hidden = true) Actor clerk) {
        return registrations.registerAsync(clerk, idempotencyKey, request);
    }

    @Post("/batch")
    @Operation(
            operationId = "registerSaleBatch",
            summary = "Send up to 50 registrations queued offline; each is answered as it would be alone")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: none or over 50; MALFORMED_REQUEST")
    RegistrationBatch.Result batch(
            @Body @Valid RegistrationBatch.Request request, @Parameter(hidden = true) Actor clerk) {
        return registrations.registerBatch(clerk, request);
    }

    @Post("/{number}/void")
    @Operation(
            operationId = "voidRegistration",
            summary = "Void a registration of this pharmacy (within the void window); the record stays on file")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "409", codes = "VOID_WINDOW_CLOSED, ALREADY_VOIDED")
    @ProblemResponse(status = "404", codes = "REGISTRATION_NOT_FOUND: no such number in this pharmacy")
    RegistrationView voidRegistration(
            @Parameter(description = "The registration's number", example = "DJ202611214830192756") String number,
            @Body @Valid VoidRequest request,
            @Parameter(hidden = true) Actor clerk) {
        return registrations.voidRegistration(clerk, number, request.reason());
    }

    @Get
    @Operation(
            operationId = "listRegistrations",
            summary = "This pharmacy's registrations, newest first (buyer data masked)",
            description =
                    "Default window: today. Cursor paging: pass the page's nextCursor back as cursor (absent on the last"
                            + " page). A search by the buyer's full document number uses the blind index and is audited.")
    @ProblemResponse(
            status = "400",
            codes = "PAGE_LIMIT_INVALID (limit 1 to 200), PAGE_CURSOR_INVALID, VALIDATION_FAILED (window over 92 days),"
                    + " ID_NUMBER_INVALID")
    Page<RegistrationView> list(
            @Nullable @QueryValue Instant from,
            @Nullable @QueryValue Instant to,
            @Nullable @QueryValue Long drugId,
            @Nullable @QueryValue String category,
            @Nullable @QueryValue Long clerkId,
            @Nullable @QueryValue @Schema(type = "string") DocumentType documentType,
            @Nullable @QueryValue String documentNumber,
            @Nullable @QueryValue @Parameter(description = "Rows per page, 1 to 200 (default 50)") Integer limit,
            @Nullable @QueryValue @Parameter(description = "The previous page's nextCursor") String cursor,
            @Parameter(hidden = true) Actor clerk) {
        return registrations.list(
                clerk,
                new RegistrationService.Query(
                        from,
                        to,
                        drugId,
                        category,
                        clerkId,
                        documentType,
                        documentNumber,
                        PageRequest.of(limit, cursor)));
    }

    @Get("/summary")
    @Operation(operationId = "getDailySummary", summary = "Counts and packages by drug for one day of this pharmacy")
    @ProblemResponse(status = "400", codes = "MISSING_PARAMETER, MALFORMED_REQUEST: date is not yyyy-MM-dd")
    DailySummary summary(@QueryValue LocalDate date, @Parameter(hidden = true) Actor clerk) {
        return registrations.daySummary(clerk, date);
    }

    @Get("/{number}")
    @Operation(
            operationId = "getRegistration",
            summary = "One registration of this pharmacy, by its number (buyer data masked)")
    @ProblemResponse(status = "404", codes = "REGISTRATION_NOT_FOUND: no such number in this pharmacy")
    RegistrationView get(
            @Parameter(description = "The registration's number", example = "DJ202611214830192756") String number,
            @Parameter(hidden = true) Actor clerk) {
        return registrations.get(clerk, number);
    }
}
