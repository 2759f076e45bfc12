package com.cogov.bff;

import com.cogov.api.shared.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.bind.ClientRequestUriContext;
import io.micronaut.http.client.bind.TypedClientArgumentRequestBinder;
import jakarta.inject.Singleton;

/**
 * The {@code *Operations} interfaces take the caller as an {@link Actor}, which the server works out from the request
 * itself (api web.ActorBinder). A test's declarative client therefore sends nothing for it.
 */
@Singleton
class CallerBinder implements TypedClientArgumentRequestBinder<Actor> {

    /** What a test passes as the caller: the server decides who it is. */
    static final Actor ANYONE = Actor.anonymous(null, null);

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public void bind(
            ArgumentConversionContext<Actor> context,
            ClientRequestUriContext uriContext,
            Actor value,
            MutableHttpRequest<?> request) {
        // nothing to send
    }
}
