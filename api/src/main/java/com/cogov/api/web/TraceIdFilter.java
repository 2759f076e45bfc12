package com.cogov.api.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Gives every request a trace id: in the MDC of every log line written while serving it, in the
 * {@code X-Trace-Id} response header, and in every problem body, so a clerk's screenshot leads to the log.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class TraceIdFilter implements HttpServerFilter {

    private final ClientAddressResolver addresses;

    TraceIdFilter(ClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String traceId = TraceIds.assign(request, addresses.fromTrustedProxy(request));
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty()
                .plus(new MdcPropagationContext(Map.of("traceId", traceId)))
                .propagate()) {
            return Flux.from(chain.proceed(request)).doOnNext(response -> response.header(TraceIds.HEADER, traceId));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }
}
