package com.cogov.bff.pharmacy;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
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

/** A pharmacy manager runs the clerks of their own pharmacy; clerks of other pharmacies do not exist for them. */
@Controller("/mp/v1/pharmacy/clerks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("PHARMACY_MANAGER")
@SecurityRequirement(name = "bearer")
@Tag(name = "Pharmacy staff")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a pharmacy manager")
class ClerkController {

    private final AccountService accounts;

    ClerkController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    @Operation(operationId = "listClerks", summary = "The clerks of my pharmacy")
    List<AccountView> list(@Parameter(hidden = true) Actor manager) {
        return accounts.clerks(manager);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "addClerk",
            summary = "Add a clerk; answers with the activation code to hand over (single use, 72 h)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    IssuedCredential add(@Body @Valid AccountRequests.CreateClerk request, @Parameter(hidden = true) Actor manager) {
        return accounts.addClerk(manager, request.displayName());
    }

    @Post("/{id}/disable")
    @Operation(
            operationId = "disableClerk",
            summary = "Disable a clerk at once (their sign-in stops working within a second)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND: no such clerk in my pharmacy")
    AccountView disable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor manager) {
        return accounts.setClerkActive(manager, id, false, request.reason());
    }

    @Post("/{id}/enable")
    @Operation(operationId = "enableClerk", summary = "Re-enable a clerk")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND: no such clerk in my pharmacy")
    AccountView enable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor manager) {
        return accounts.setClerkActive(manager, id, true, request.reason());
    }

    @Post("/{id}/activation-code")
    @Operation(
            operationId = "reissueClerkActivationCode",
            summary = "Issue a new activation code (replaces the outstanding one)")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND: no such clerk in my pharmacy")
    IssuedCredential reissue(long id, @Parameter(hidden = true) Actor manager) {
        return accounts.reissueClerkCode(manager, id);
    }
}
