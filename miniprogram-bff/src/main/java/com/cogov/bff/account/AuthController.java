package com.cogov.bff.account;

import com.cogov.api.account.AccountService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.api.web.SessionEndpoints;
import com.cogov.contracts.account.AuthRequests;
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

@Controller("/mp/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Sign-in")
class AuthController extends SessionEndpoints {

    AuthController(AccountService accounts) {
        super(accounts);
    }

    @Post("/auth/wechat")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @SecurityRequirement(name = "") // public: no credentials yet
    @Operation(
            operationId = "signInWithWeChat",
            summary = "Sign in with the wx.login code",
            description = "A known WeChat identity signs in as its account; an unknown one becomes a public user.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "WECHAT_CODE_INVALID: unknown or used; call wx.login again")
    @ProblemResponse(status = "403", codes = "ACCOUNT_DISABLED")
    @ProblemResponse(status = "503", codes = "WECHAT_UNAVAILABLE: retry later")
    Tokens signIn(@Body @Valid AuthRequests.WeChatSignIn request, @Parameter(hidden = true) Actor caller) {
        return accounts.signInWithWeChat(request.code(), caller);
    }

    @Post("/auth/bind")
    @Secured("PUBLIC")
    @SecurityRequirement(name = "bearer")
    @Operation(
            operationId = "bindStaffAccount",
            summary = "Bind this WeChat identity to a staff account with its activation code",
            description =
                    "Optionally binds the phone through the getPhoneNumber code. Answers with the staff account's tokens.")
    @ProblemResponse(
            status = "400",
            codes = "ACTIVATION_CODE_INVALID: unknown, used or expired; VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: already bound to a staff account; ACCOUNT_DISABLED")
    @ProblemResponse(status = "503", codes = "WECHAT_UNAVAILABLE: the phone could not be read; retry later")
    Tokens bind(@Body @Valid AuthRequests.Bind request, @Parameter(hidden = true) Actor caller) {
        return accounts.bind(caller, request.activationCode(), request.phoneCode());
    }
}
