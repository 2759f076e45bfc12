package com.cogov.api.web;

import com.cogov.api.shared.ServiceBusyException;
import com.cogov.contracts.error.Problem;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * No database connection came free within the pool's timeout (a burst beyond what the database can take): a 503
 * with Retry-After, as the request was not carried out, rather than a 500 that reads as a bug.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class DatabaseBusyHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {

    private final CogovExceptionHandler problems;

    DatabaseBusyHandler(CogovExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return problems.handle(request, new ServiceBusyException());
    }
}
