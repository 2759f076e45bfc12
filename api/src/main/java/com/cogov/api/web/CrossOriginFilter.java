package com.cogov.api.web;

import com.cogov.contracts.error.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The CORS policy of both apps is "none" ({@code micronaut.server.cors.enabled: false}): no origin is ever allowed, so
 * a browser's preflight ({@code OPTIONS} with {@code Origin} and {@code Access-Control-Request-Method}) is answered
 * here, on every host, with a problem+json 403 {@code CROSS_ORIGIN_REFUSED}, and the request it asks about is never
 * sent. (Micronaut itself would refuse it with an empty 403 only when the server is addressed as localhost, and
 * otherwise pass it on to routing.) Micronaut's own refusals of cross-origin requests get the same body through
 * {@link ResponseHeadersFilter}.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class CrossOriginFilter implements HttpServerFilter {

    private final ErrorResponseProcessor<Problem> problems;

    CrossOriginFilter(ErrorResponseProcessor<Problem> problems) {
        this.problems = problems;
    }

    static boolean isPreflight(HttpRequest<?> request) {
        HttpHeaders headers = request.getHeaders();
        return request.getMethod() == HttpMethod.OPTIONS
                && headers.contains(HttpHeaders.ORIGIN)
                && headers.contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (!isPreflight(request)) {
            return chain.proceed(request);
        }
        return Mono.just(problems.processResponse(
                ErrorContext.builder(request)
                        .cause(new CrossOriginRefusedException())
                        .build(),
                HttpResponse.status(HttpStatus.FORBIDDEN)));
    }

    @Override
    public int getOrder() {
        // Inside ResponseHeadersFilter (which adds the headers to this answer too), before Micronaut's CORS filter.
        return ResponseHeadersFilter.ORDER + 1;
    }
}
