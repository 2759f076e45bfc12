package com.cogov.api.web;

import com.cogov.contracts.error.Problem;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The headers every answer of both apps carries, error answers included:
 * <ul>
 *   <li>{@code Cache-Control: no-store}: answers carry tokens and personal data, which no browser or proxy may keep;</li>
 *   <li>{@code X-Content-Type-Options: nosniff}: a JSON answer is never run as a script or page;</li>
 *   <li>{@code X-Frame-Options: DENY} and {@code Content-Security-Policy: default-src 'none'; frame-ancestors 'none'}:
 *       nothing is framed, and an answer opened in a browser loads nothing;</li>
 *   <li>{@code Referrer-Policy: no-referrer}.</li>
 * </ul>
 * The API documentation's own pages (where served) may be cached and keep only {@code frame-ancestors 'none'}, since
 * Swagger UI runs scripts and styles.
 *
 * <p>It also sees that no error leaves without the problem+json body: an error status a framework filter answered
 * with no body (Micronaut's CORS filter refuses a cross-origin request that way) is given one, as
 * {@code CROSS_ORIGIN_REFUSED} when it is a 403 to a request with an {@code Origin}.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class ResponseHeadersFilter implements HttpServerFilter {

    /** Just inside {@link TraceIdFilter}, so every answer, including those of later filters, passes here. */
    static final int ORDER = ServerFilterPhase.FIRST.after();

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String DOCS_POLICY = "frame-ancestors 'none'";

    private final ErrorResponseProcessor<Problem> problems;

    ResponseHeadersFilter(ErrorResponseProcessor<Problem> problems) {
        this.problems = problems;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Flux.from(chain.proceed(request)).map(response -> secure(request, withProblemBody(request, response)));
    }

    private MutableHttpResponse<?> withProblemBody(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || response.getBody().isPresent() || request.getMethod() == HttpMethod.HEAD) {
            return response;
        }
        ErrorContext.Builder context = ErrorContext.builder(request);
        if (response.code() == 403 && request.getHeaders().contains(HttpHeaders.ORIGIN)) {
            context.cause(new CrossOriginRefusedException());
        }
        return problems.processResponse(context.build(), response);
    }

    private static MutableHttpResponse<?> secure(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean docsPage = response.code() < 400 && ApiDocsAccessRule.isDocs(request.getPath());
        MutableHttpHeaders headers = response.getHeaders();
        // A public query's answer (PublicEndpointFilter) keeps its public Cache-Control; everything else is no-store.
        boolean publicAnswer = response.code() < 400
                && headers.get(HttpHeaders.CACHE_CONTROL) != null
                && headers.get(HttpHeaders.CACHE_CONTROL).startsWith(PublicEndpointFilter.CACHE_CONTROL_PREFIX);
        if (!docsPage && !publicAnswer) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", docsPage ? DOCS_POLICY : API_POLICY);
        headers.set("Referrer-Policy", "no-referrer");
        return response;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
