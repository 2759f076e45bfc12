package com.cogov.api.web;

import com.cogov.api.shared.Actor;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller method declare an {@link Actor} parameter instead of reading headers and tokens itself. */
@Singleton
class ActorBinder implements TypedRequestArgumentBinder<Actor> {

    private final Actors actors;

    ActorBinder(Actors actors) {
        this.actors = actors;
    }

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> source) {
        Actor actor = actors.of(source);
        return () -> Optional.of(actor);
    }
}
