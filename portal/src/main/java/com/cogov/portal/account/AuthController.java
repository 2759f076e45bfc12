package com.cogov.portal.account;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.api.web.SessionEndpoints;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.account.Tokens;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Staff sign-in: password, then (first time, or after a reset) a new password, then for administrators a TOTP code.
 * Each step answers with the next one, carrying a short-lived challenge token.
 */
@Controller("/portal/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class AuthController extends SessionEndpoints {

    AuthController(AccountService accounts) {
        super(accounts);
    }

    @Post("/auth/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: no credentials yet
    @Operation(
            operationId = "signInWithPassword",
            summary = "Sign in with username and password",
            description = "5 failures in 15 minutes lock the account for 15 minutes (423 with Retry-After); too many "
                    + "attempts from one address answer 429 with Retry-After.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "CREDENTIALS_INVALID")
    @ProblemResponse(status = "403", codes = "ACCOUNT_DISABLED")
    @ProblemResponse(status = "423", codes = "ACCOUNT_LOCKED: retry after Retry-After")
    @ProblemResponse(status = "429", codes = "TOO_MANY_ATTEMPTS: from this address; retry after Retry-After")
    SignInResult login(@Body @Valid AuthRequests.PasswordSignIn request, @Parameter(hidden = true) Actor caller) {
        return accounts.signInWithPassword(request.username(), request.password(), caller);
    }

    @Post("/auth/client-token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: no credentials yet
    @Operation(
            operationId = "issueClientToken",
            summary = "Machine clients (partner systems, the bureau data centre): client id and secret for tokens")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "CREDENTIALS_INVALID")
    @ProblemResponse(status = "403", codes = "ACCOUNT_DISABLED")
    @ProblemResponse(status = "423", codes = "ACCOUNT_LOCKED: retry after Retry-After")
    @ProblemResponse(status = "429", codes = "TOO_MANY_ATTEMPTS: from this address; retry after Retry-After")
    Tokens clientToken(@Body @Valid AuthRequests.ClientCredentials request, @Parameter(hidden = true) Actor caller) {
        return accounts.signInClient(request.clientId(), request.clientSecret(), caller);
    }

    @Post("/auth/password")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: the challenge token of the sign-in step stands in for credentials
    @Operation(
            operationId = "changePassword",
            summary = "Set a new password (required at the first sign-in and after a reset)")
    @ProblemResponse(status = "400", codes = "PASSWORD_TOO_WEAK, VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "TOKEN_INVALID: the challenge token is unknown, used or expired")
    SignInResult changePassword(
            @Body @Valid AuthRequests.PasswordChange request, @Parameter(hidden = true) Actor caller) {
        return accounts.changePassword(request.challengeToken(), request.newPassword(), caller);
    }

    @Post("/auth/totp")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: the challenge token of the sign-in step stands in for credentials
    @Operation(
            operationId = "verifyTotp",
            summary = "Second factor: the 6-digit code of the authenticator app (enrols it the first time)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(
            status = "401",
            codes = "TOTP_INVALID; TOKEN_INVALID: the challenge token is unknown, used or expired")
    @ProblemResponse(status = "423", codes = "ACCOUNT_LOCKED: too many wrong codes; retry after Retry-After")
    SignInResult totp(@Body @Valid AuthRequests.Totp request, @Parameter(hidden = true) Actor caller) {
        return accounts.verifyTotp(request.challengeToken(), request.code(), caller);
    }
}
