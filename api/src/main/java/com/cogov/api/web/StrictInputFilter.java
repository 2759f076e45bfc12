package com.cogov.api.web;

import com.cogov.api.shared.CogovException;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableAvailableByteBody;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import java.util.Locale;
import java.util.Optional;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The request body's envelope and content, checked once for every route of both apps before anything binds it
 * (platform.md: a request that carries a body says what it is):
 * <ul>
 *   <li>a body without a Content-Type is 415: JSON must say {@code application/json}, uploads {@code multipart/form-data};</li>
 *   <li>JSON in any charset but UTF-8 is 415 (the bytes would be read as UTF-8 whatever the header said);</li>
 *   <li>a JSON body is read by {@link StrictJson} against the route's body type: no coercion between text, numbers and
 *       booleans, no fractions into whole numbers, nothing after the value, no control characters in text.</li>
 * </ul>
 * It runs after the security filters, so a caller who may not use the route is told that first, and only for a matched
 * route (an unknown one is 404 whatever its body). The body is read from a split of the request's bytes: the route
 * binds the original.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
class StrictInputFilter implements HttpServerFilter {

    private final CogovExceptionHandler problems;

    StrictInputFilter(CogovExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<RouteInfo<?>> route = RouteAttributes.getRouteInfo(request);
        if (route.isEmpty() || !carriesBody(request)) {
            return chain.proceed(request);
        }
        Optional<MediaType> type = request.getContentType();
        if (type.isEmpty()) {
            return refuse(
                    request,
                    new CogovException(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "请求带有内容但没有声明类型：JSON 请使用 Content-Type: application/json，上传照片请使用 multipart/form-data"));
        }
        if (!isJson(type.get())) {
            return chain.proceed(request); // uploads, and types the route does not take (the router answers 415)
        }
        String charset =
                type.get().getParameters().get("charset").orElse("utf-8").toLowerCase(Locale.ROOT);
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
            return refuse(
                    request,
                    new CogovException(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "只接受 UTF-8 编码的 JSON，请使用 Content-Type: application/json（或 charset=utf-8）"));
        }
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return chain.proceed(request);
        }
        Argument<?> declared = route.get().getBodyArgument().orElse(Argument.OBJECT_ARGUMENT);
        return Mono.fromFuture(server.byteBody()
                        .split(ByteBody.SplitBackpressureMode.FASTEST)
                        .buffer())
                .flatMap(buffered -> {
                    byte[] body;
                    try (CloseableAvailableByteBody copy = buffered) {
                        body = copy.toByteArray();
                    }
                    try {
                        StrictJson.check(body, declared);
                    } catch (CogovException refused) {
                        return Mono.from(refuse(request, refused));
                    }
                    return Mono.from(chain.proceed(request));
                });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after() + 1; // after ActiveAccountFilter
    }

    private static boolean carriesBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private static boolean isJson(MediaType type) {
        String name = type.getName().toLowerCase(Locale.ROOT);
        return name.equals(MediaType.APPLICATION_JSON) || name.endsWith("+json");
    }

    private Publisher<MutableHttpResponse<?>> refuse(HttpRequest<?> request, CogovException refusal) {
        return Mono.just((MutableHttpResponse<?>) problems.handle(request, refusal));
    }
}
