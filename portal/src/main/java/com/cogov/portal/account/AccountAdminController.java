package com.cogov.portal.account;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.account.AccountRequests;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.IssuedCredential;
import com.cogov.contracts.privacy.UnmaskedValue;
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

/** Account operations of the city administrator (the O&M list): create, disable, reset, unlock, delete, reissue. */
@Controller("/portal/v1/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("CITY_ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Accounts")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator")
class AccountAdminController {

    private final AccountService accounts;

    AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    @Operation(operationId = "listAccounts", summary = "Staff accounts (active and disabled)")
    List<AccountView> list(@Parameter(hidden = true) Actor admin) {
        return accounts.list(admin);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(
            operationId = "createAccount",
            summary = "Create an account; answers once with its one-time password or activation code")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED: a field missing for the role, or an unknown pharmacy, district or enterprise; "
                    + "MALFORMED_REQUEST")
    @ProblemResponse(
            status = "409",
            codes = "USERNAME_TAKEN; PHARMACY_SUSPENDED, PHARMACY_CLOSED: staff for a pharmacy that cannot trade")
    IssuedCredential create(@Body @Valid AccountRequests.Create request, @Parameter(hidden = true) Actor admin) {
        return accounts.create(admin, request);
    }

    @Get("/{id}")
    @Operation(operationId = "getAccount", summary = "One staff account")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    AccountView get(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.get(admin, id);
    }

    @Post("/{id}/disable")
    @Operation(
            operationId = "disableAccount",
            summary = "Emergency disable: the account's tokens stop working within a second on every node")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    AccountView disable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.disable(admin, id, request.reason());
    }

    @Post("/{id}/enable")
    @Operation(operationId = "enableAccount", summary = "Re-enable a disabled account")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    AccountView enable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.enable(admin, id, request.reason());
    }

    @Post("/{id}/reset-password")
    @Operation(
            operationId = "resetAccountPassword",
            summary = "Issue a one-time password (the user must change it at the next sign-in); ends their sessions")
    @ProblemResponse(
            status = "400",
            codes = "VALIDATION_FAILED: the account signs in through the mini-program (reissue its activation code)")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    IssuedCredential resetPassword(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.resetPassword(admin, id);
    }

    @Post("/{id}/unlock")
    @Operation(operationId = "unlockAccount", summary = "Lift a sign-in lockout")
    @ProblemResponse(status = "400", codes = "MALFORMED_REQUEST: the id is not a number")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    AccountView unlock(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.unlock(admin, id);
    }

    @Post("/{id}/activation-code")
    @Operation(
            operationId = "reissueAccountActivationCode",
            summary = "Issue a new activation code for mini-program staff")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: the account is not mini-program staff")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    IssuedCredential reissue(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.reissueActivationCode(admin, id);
    }

    @Post("/{id}/phone/unmask")
    @Operation(
            operationId = "unmaskAccountPhone",
            summary = "Show the bound phone in full; requires a reason, and is recorded in the audit trail")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason, or no phone bound; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    UnmaskedValue unmaskPhone(
            long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.unmaskPhone(admin, id, request.reason());
    }

    @Post("/{id}/delete")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteAccount", summary = "Delete (soft): the audit trail keeps the identity")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED: no reason; MALFORMED_REQUEST")
    @ProblemResponse(status = "404", codes = "ACCOUNT_NOT_FOUND")
    void delete(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        accounts.delete(admin, id, request.reason());
    }
}
