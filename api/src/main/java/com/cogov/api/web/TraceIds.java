package com.cogov.api.web;

import io.micronaut.http.HttpRequest;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The trace id of a request: taken from a trusted proxy's {@code X-Request-Id} (see {@link ClientAddressResolver}),
 * else made here. A caller's own id is not adopted: it could tie its requests to someone else's in the logs and trail.
 */
public final class TraceIds {

    public static final String HEADER = "X-Trace-Id";
    static final String ATTRIBUTE = "cogov.traceId";
    private static final String INBOUND_HEADER = "X-Request-Id";
    // Only plain tokens are adopted: the id is echoed into logs and responses, so nothing that could forge a log line.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private TraceIds() {}

    static String assign(HttpRequest<?> request, boolean fromTrustedProxy) {
        String id = Optional.ofNullable(fromTrustedProxy ? request.getHeaders().get(INBOUND_HEADER) : null)
                .filter(v -> SAFE.matcher(v).matches())
                .orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The id assigned to this request, if the trace filter has seen it. */
    public static Optional<String> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class);
    }
}
