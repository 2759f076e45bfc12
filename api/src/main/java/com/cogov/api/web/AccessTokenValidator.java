package com.cogov.api.web;

import com.cogov.api.account.AccountService;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts only access tokens (not sign-in challenges or other signed notes) of accounts that are still active.
 * The status check goes through Redis on every request, so a disabled account is refused on every node at once.
 */
@Singleton
class AccessTokenValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final AccountService accounts;

    AccessTokenValidator(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        if (!"access".equals(claims.get("use")) || claims.get(Claims.SUBJECT) == null) {
            return false;
        }
        try {
            return accounts.isActive(Long.parseLong(claims.get(Claims.SUBJECT).toString()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
