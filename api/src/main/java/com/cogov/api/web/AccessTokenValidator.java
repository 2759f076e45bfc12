package com.cogov.api.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Accepts only access tokens (not other signed notes) issued by this app: each app is its own audience
 * ({@code micronaut.application.name}), so a mini-program token does not work at the portal, nor the reverse. Whether
 * the account is still active and the sign-in not ended is checked after this, by {@link ActiveAccountFilter}: this
 * hook is synchronous, on the event loop.
 */
@Singleton
class AccessTokenValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    private final String audience;

    AccessTokenValidator(@Value("${micronaut.application.name:cogov}") String audience) {
        this.audience = audience;
    }

    @Override
    public boolean validate(Claims claims, HttpRequest<?> request) {
        return "access".equals(claims.get("use"))
                && claims.get(Claims.SUBJECT) != null
                && isForThisApp(claims.get(Claims.AUDIENCE));
    }

    /** JWT allows one audience or a list; ours always name exactly one app. */
    private boolean isForThisApp(Object aud) {
        return aud instanceof Collection<?> list
                ? list.size() == 1
                        && audience.equals(String.valueOf(list.iterator().next()))
                : audience.equals(aud);
    }
}
