package com.cogov.infra.dev;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests as an attacker or a careless client sends them, which Micronaut's own client will not build: a multipart
 * part without a name, a body without a Content-Type, a charset the app does not speak, bytes after the JSON. Sent with
 * the JDK's client to an app's embedded server.
 */
public final class RawHttp {

    /** What came back: the status, the Content-Type (empty if none) and the body as UTF-8. */
    public record Response(int status, String contentType, String body) {

        /** The body parsed as JSON (a problem body, for refusals); throws if it is not JSON. */
        public JsonNode json() {
            try {
                return FakeHttp.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        /** The stable error code of a problem answer. */
        public String code() {
            return json().path("code").asText();
        }
    }

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param base the app's embedded server, e.g. {@code EmbeddedServer.getURI()} */
    public RawHttp(URI base) {
        this.base = base;
    }

    /**
     * @param contentType sent as is; {@code null} sends no Content-Type at all
     * @param bearer      an access token, or {@code null}
     */
    public Response send(String method, String path, String contentType, byte[] body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, String contentType, byte[] body, String bearer) {
        return send("POST", path, contentType, body, bearer);
    }

    /** A JSON text as UTF-8 bytes. */
    public Response postJson(String path, String contentType, String json, String bearer) {
        return post(path, contentType, json.getBytes(StandardCharsets.UTF_8), bearer);
    }

    /**
     * A multipart/form-data body of one part, with the part's Content-Disposition exactly as given (for example
     * {@code form-data; filename="a.png"}, without a name). Send it with {@code multipart/form-data; boundary=<boundary>}.
     */
    public static byte[] multipart(String boundary, String contentDisposition, String partType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + contentDisposition + "\r\nContent-Type: "
                        + partType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
