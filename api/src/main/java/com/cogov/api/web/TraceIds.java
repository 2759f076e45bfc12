package com.cogov.api.web;

import io.micronaut.http.HttpRequest;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** The trace id of a request: taken from a trusted proxy's {@code X-Request-Id}, else made here. */
public final class TraceIds {

    public static final String HEADER = "X-Trace-Id";
    static final String ATTRIBUTE = "cogov.traceId";
    private static final String INBOUND_HEADER = "X-Request-Id";
    // Only plain tokens are adopted: the id is echoed into logs and responses, so nothing that could forge a log line.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private TraceIds() {
    }

    static String assign(HttpRequest<?> request) {
        String id = Optional.ofNullable(request.getHeaders().get(INBOUND_HEADER))
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
