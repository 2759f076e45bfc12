package com.cogov.portal;

import com.cogov.api.shared.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.bind.ClientRequestUriContext;
import io.micronaut.http.client.bind.TypedClientArgumentRequestBinder;
import jakarta.inject.Singleton;

/**
 * The {@code *Operations} interfaces take the caller as an {@link Actor}, which the server works out from the request
 * itself (api web.ActorBinder). A test's declarative client sends only where the caller is, as the trusted proxy
 * would (PortalTest trusts loopback): each {@link PortalSessions} calls from its own address.
 */
@Singleton
class CallerBinder implements TypedClientArgumentRequestBinder<Actor> {

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public void bind(
            ArgumentConversionContext<Actor> context,
            ClientRequestUriContext uriContext,
            Actor caller,
            MutableHttpRequest<?> request) {
        if (caller.sourceAddress() != null) {
            request.header("X-Forwarded-For", caller.sourceAddress());
        }
    }
}
