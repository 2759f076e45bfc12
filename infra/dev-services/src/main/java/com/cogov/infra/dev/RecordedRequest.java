package com.cogov.infra.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * One request as a fake received it, so tests can assert on what our code really sent over the wire.
 *
 * @param query   decoded query parameters (first value wins for repeated names)
 * @param body    the body decoded as UTF-8 (binary uploads come out garbled, which is fine for assertions on size)
 * @param headers a few headers worth asserting on (Content-Type, User-Agent), keyed by their canonical name
 */
public record RecordedRequest(
        String method,
        String path,
        Map<String, String> query,
        String body,
        Map<String, String> headers,
        Instant receivedAt) {

    public RecordedRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    /** The body parsed as JSON; throws if it is not JSON. */
    public JsonNode json() {
        try {
            return FakeHttp.JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
