package com.cogov.api.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/**
 * Accepts only access tokens (not sign-in challenges or other signed notes). Whether the account is still active is
 * checked after this, by {@link ActiveAccountFilter}: this hook is synchronous, on the event loop.
 */
@Singleton
class AccessTokenValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return "access".equals(claims.get("use")) && claims.get(Claims.SUBJECT) != null;
    }
}
