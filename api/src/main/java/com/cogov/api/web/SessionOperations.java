package com.cogov.api.web;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AuthRequests;
import com.cogov.contracts.account.ProfileView;
import com.cogov.contracts.account.Tokens;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;

/**
 * A signed-in session, the same in both apps whatever the channel's sign-in: each app's {@code AuthController}
 * implements it under its own prefix, and the tests call it through a declarative client of this interface.
 */
public interface SessionOperations {

    @Post("/auth/refresh")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: the refresh token in the body is the credential
    @Operation(
            operationId = "refreshTokens",
            summary = "Exchange the refresh token for new tokens (the refresh token rotates; staff: idle 30 min, "
                    + "at most 12 h; the public: idle 30 days, at most 90)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(
            status = "401",
            codes = "TOKEN_INVALID: unknown, used (the whole sign-in is then revoked) or expired")
    @ProblemResponse(status = "403", codes = "ACCOUNT_DISABLED")
    Tokens refresh(@Body @Valid AuthRequests.Refresh request, @Parameter(hidden = true) Actor caller);

    @Post("/auth/logout")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Status(HttpStatus.NO_CONTENT)
    @SecurityRequirement(name = "") // public: the refresh token in the body is the credential
    @Operation(operationId = "signOut", summary = "End this sign-in (revokes its refresh tokens)")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    void logout(@Body @Valid AuthRequests.Refresh request, @Parameter(hidden = true) Actor caller);

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "getProfile", summary = "Who is signed in, with role and scope")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    ProfileView me(@Parameter(hidden = true) Actor caller);
}
