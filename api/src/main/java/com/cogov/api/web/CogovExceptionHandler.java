package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.Problem;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Answers a feature's named rejection with its code's real HTTP status, through the one error format. */
@Singleton
@Produces(Problem.MEDIA_TYPE)
class CogovExceptionHandler implements ExceptionHandler<CogovException, HttpResponse<?>> {

    private final ErrorResponseProcessor<Problem> problems;

    CogovExceptionHandler(ErrorResponseProcessor<Problem> problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CogovException exception) {
        return problems.processResponse(
                ErrorContext.builder(request).cause(exception).build(),
                HttpResponse.status(
                        io.micronaut.http.HttpStatus.valueOf(exception.code().status())));
    }
}
