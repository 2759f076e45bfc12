package com.cogov.portal.account;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
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
class AccountAdminController {

    private final AccountService accounts;

    AccountAdminController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get
    @Operation(summary = "Staff accounts (active and disabled)")
    List<AccountView> list(@Parameter(hidden = true) Actor admin) {
        return accounts.list(admin);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Operation(summary = "Create an account; answers once with its one-time password or activation code")
    IssuedCredential create(@Body @Valid AccountRequests.Create request, @Parameter(hidden = true) Actor admin) {
        return accounts.create(admin, request);
    }

    @Get("/{id}")
    AccountView get(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.get(admin, id);
    }

    @Post("/{id}/disable")
    @Operation(summary = "Emergency disable: the account's tokens stop working within a second on every node")
    AccountView disable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.disable(admin, id, request.reason());
    }

    @Post("/{id}/enable")
    AccountView enable(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.enable(admin, id, request.reason());
    }

    @Post("/{id}/reset-password")
    @Operation(summary = "Issue a one-time password (the user must change it at the next sign-in); ends their sessions")
    IssuedCredential resetPassword(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.resetPassword(admin, id);
    }

    @Post("/{id}/unlock")
    @Operation(summary = "Lift a sign-in lockout")
    AccountView unlock(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.unlock(admin, id);
    }

    @Post("/{id}/activation-code")
    @Operation(summary = "Issue a new activation code for mini-program staff")
    IssuedCredential reissue(long id, @Parameter(hidden = true) Actor admin) {
        return accounts.reissueActivationCode(admin, id);
    }

    @Post("/{id}/phone/unmask")
    @Operation(summary = "Show the bound phone in full; requires a reason, and is recorded in the audit trail")
    UnmaskedValue unmaskPhone(
            long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        return accounts.unmaskPhone(admin, id, request.reason());
    }

    @Post("/{id}/delete")
    @Status(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete (soft): the audit trail keeps the identity")
    void delete(long id, @Body @Valid AccountRequests.Reason request, @Parameter(hidden = true) Actor admin) {
        accounts.delete(admin, id, request.reason());
    }
}
