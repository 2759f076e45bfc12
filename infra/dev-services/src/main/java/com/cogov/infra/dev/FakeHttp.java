package com.cogov.infra.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plumbing both fakes share: a loopback JDK HTTP server that records every request and answers JSON. */
final class FakeHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Paths under this prefix are the fakes' own views and are not recorded, so looking does not change the picture. */
    static final String OWN_PATHS = "/__fake/";

    private static final Logger LOG = LoggerFactory.getLogger(FakeHttp.class);
    // A fake serves one developer or one test JVM; a few threads leave room for stalled requests.
    private static final int THREADS = 8;
    // The embedded default can run for days; the bound keeps a forgotten fake from eating the heap.
    private static final int MAX_RECORDED = 10_000;
    private static final List<String> RECORDED_HEADERS = List.of("Content-Type", "User-Agent");

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();

    private FakeHttp(String name, Handler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, handler));
        server.start();
        LOG.info("{} listening on {}", name, baseUrl());
    }

    static FakeHttp start(String name, Handler handler) {
        return new FakeHttp(name, handler);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        // Interrupts stalled handlers, which would otherwise keep answering after the test has moved on.
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange, Handler handler) {
        try (exchange) {
            RecordedRequest request = read(exchange);
            if (!request.path().startsWith(OWN_PATHS)) {
                synchronized (recorded) {
                    if (recorded.size() == MAX_RECORDED) {
                        recorded.removeFirst();
                    }
                    recorded.addLast(request);
                }
            }
            handler.handle(exchange, request);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A bug in a fake must show up as a loud 500, not as a hung client.
            LOG.warn("Fake failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                writeJson(exchange, 500, fields("error", e.toString()));
            } catch (IOException | RuntimeException ignored) {
                // The response was already under way; closing the exchange is all that is left.
            }
        }
    }

    private static RecordedRequest read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : RECORDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                parseQuery(exchange.getRequestURI().getRawQuery()),
                body,
                headers,
                Instant.now());
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.putIfAbsent(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    static void writeJson(HttpExchange exchange, int status, Object body) throws IOException {
        write(exchange, status, "application/json; charset=utf-8", JSON.writeValueAsBytes(body));
    }

    static void writeText(HttpExchange exchange, int status, String body) throws IOException {
        write(exchange, status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpExchange exchange, int status, String contentType, byte[] bytes) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** An ordered JSON object from alternating names and values; unlike {@code Map.of} it keeps order and nulls. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A request as plain JSON-friendly values, for the fakes' human-readable views. */
    static Map<String, Object> describe(RecordedRequest request, int maxBody) {
        String body = request.body().length() > maxBody
                ? request.body().substring(0, maxBody) + "…(" + request.body().length() + " chars)"
                : request.body();
        return fields(
                "method",
                request.method(),
                "path",
                request.path(),
                "query",
                request.query(),
                "body",
                body,
                "headers",
                request.headers(),
                "receivedAt",
                request.receivedAt().toString());
    }
}
