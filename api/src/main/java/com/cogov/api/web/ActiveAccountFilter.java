package com.cogov.api.web;

import com.cogov.api.account.AccountService;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses a valid token whose account has been disabled, or whose sign-in has ended (signed out, revoked), since it
 * was issued: 401, as for no token, on every node within a second of the change. Runs after the security filter has
 * checked the token, without holding the event loop while the status is read (AccountService.isActive completes
 * asynchronously).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ActiveAccountFilter implements HttpServerFilter {

    private final AccountService accounts;

    ActiveAccountFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return chain.proceed(request);
        }
        long accountId;
        try {
            accountId = Long.parseLong(authentication.get().getName());
        } catch (NumberFormatException e) {
            return Mono.error(new AuthorizationException(null));
        }
        if (!(authentication.get().getAttributes().get("sid") instanceof String sessionId) || sessionId.isBlank()) {
            return Mono.error(new AuthorizationException(null));
        }
        // The status may arrive on Redis's or the blocking pool's thread: carry the request's context (trace id) there.
        PropagatedContext context = PropagatedContext.getOrEmpty();
        return Mono.fromCompletionStage(accounts.isActive(accountId, sessionId)).flatMap(active -> {
            if (!active) {
                return Mono.error(new AuthorizationException(null));
            }
            try (PropagatedContext.Scope ignored = context.propagate()) {
                return Mono.from(chain.proceed(request));
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
