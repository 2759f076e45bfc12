package com.cogov.api.web;

import com.cogov.api.throttle.ThrottleService;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one mechanism of every public query (issue 20, "Public endpoints"): each GET under {@code /portal/v1/public/}
 * and {@code /mp/v1/public/}, whichever feature serves it, is
 * <ul>
 *   <li>limited per client address (the throttle piece; past the limit {@code 429 TOO_MANY_REQUESTS} with
 *       {@code Retry-After}), counted before the route runs;</li>
 *   <li>answered with a strong {@code ETag} (SHA-256 of the JSON body as sent) and {@code Cache-Control: public,
 *       max-age=60}, and with {@code 304 Not Modified} and no body when the request's {@code If-None-Match} names
 *       that tag: a phone on a weak network re-reads a page for a few bytes.</li>
 * </ul>
 * Not the complaint status lookup ({@code …/public/complaints/…}): it answers one person's case to whoever holds its
 * query code, is never cached ({@code no-store}) and has its own limit on wrong codes. Errors are never cached.
 */
@Filter({"/portal/v1/public/**", "/mp/v1/public/**"})
class PublicEndpointFilter implements HttpServerFilter {

    /** Inside {@link ResponseHeadersFilter} (which leaves a public answer's Cache-Control as set here). */
    static final int ORDER = ResponseHeadersFilter.ORDER + 10;

    static final String CACHE_CONTROL_PREFIX = "public";

    private final ThrottleService throttles;
    private final HttpClientAddressResolver addresses;
    private final JsonMapper json;
    private final PublicEndpointConfiguration config;

    PublicEndpointFilter(
            ThrottleService throttles,
            HttpClientAddressResolver addresses,
            JsonMapper json,
            PublicEndpointConfiguration config) {
        this.throttles = throttles;
        this.addresses = addresses;
        this.json = json;
        this.config = config;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (request.getMethod() != HttpMethod.GET || personal(request.getPath())) {
            return chain.proceed(request);
        }
        String address = addresses.resolve(request);
        return Mono.fromCompletionStage(
                        throttles.hitAsync("public:" + (address == null ? "unknown" : address), config.window()))
                .flatMapMany(count -> count.count() > config.requestsPerAddress()
                        ? Flux.error(new PublicThrottledException(count.retryAfter()))
                        : Flux.from(chain.proceed(request)).map(response -> cacheable(request, response)));
    }

    /** Answers about one person's own case: never shared, never cached. */
    static boolean personal(String path) {
        return path.startsWith("/portal/v1/public/complaints") || path.startsWith("/mp/v1/public/complaints");
    }

    private MutableHttpResponse<?> cacheable(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != 200 || response.getBody().isEmpty()) {
            return response;
        }
        Object body = response.getBody().get();
        byte[] bytes;
        try {
            bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = "\"" + hash(bytes) + "\"";
        String cacheControl =
                CACHE_CONTROL_PREFIX + ", max-age=" + config.maxAge().toSeconds();
        if (matches(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag)) {
            return HttpResponse.notModified()
                    .header(HttpHeaders.ETAG, tag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl);
        }
        MediaType type = response.getContentType().orElse(MediaType.APPLICATION_JSON_TYPE);
        return response.body(bytes)
                .contentType(type)
                .contentLength(bytes.length)
                .header(HttpHeaders.ETAG, tag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }

    /** {@code If-None-Match}: one tag, a list of tags, or {@code *}; weak tags compare by their value (RFC 9110). */
    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
