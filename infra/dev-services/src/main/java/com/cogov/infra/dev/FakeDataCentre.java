package com.cogov.infra.dev;

import static com.cogov.infra.dev.FakeHttp.fields;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The city drug bureau's data centre, faked at its HTTP boundary, for the outbox that pushes increments to it in the
 * GB/T 21062 style: numbered batches, records with an id and a version, idempotent upserts and a signed receipt.
 * <ul>
 *   <li>{@code POST /api/v1/batches}: 200 with a receipt; 400 {@code BAD_BATCH} when malformed; a resent
 *   {@code batchSeq} gets its first receipt again, but 409 {@code SEQ_CONFLICT} if its records differ; a new
 *   {@code batchSeq} not above every earlier one gets 409 {@code SEQ_OUT_OF_ORDER}.</li>
 *   <li>{@code GET /api/v1/reconciliation?date=YYYY-MM-DD}: per type, the record versions accepted that day
 *   (Asia/Shanghai), and a hex SHA-256 over their sorted {@code type:id:version} lines joined by {@code \n}.</li>
 * </ul>
 * Failure modes and stalls apply to {@code /api/v1/batches} only: that is the call whose retries matter.
 */
public final class FakeDataCentre implements AutoCloseable {

    /** A batch as accepted, in arrival order. Resends and rejected batches do not appear. */
    public record Batch(
            long seq,
            String source,
            int recordCount,
            int accepted,
            int duplicates,
            Instant receivedAt,
            String receiptId) {}

    static final ZoneId BUREAU_ZONE = ZoneId.of("Asia/Shanghai");

    private record Item(String type, String id, long version) {
        String key() {
            return type + ":" + id;
        }
    }

    private record ParsedBatch(long seq, String source, List<Item> items, JsonNode records) {}

    private record Received(JsonNode records, Map<String, Object> receipt) {}

    private record AcceptedVersion(Item item, LocalDate day) {}

    private static final class BadBatch extends Exception {
        BadBatch(String message) {
            super(message, null, false, false);
        }
    }

    private final FakeHttp http;
    private final Object lock = new Object();
    // Guarded by lock: a batch is applied all at once, so concurrent resends cannot count twice.
    private final List<Batch> batches = new ArrayList<>();
    private final Map<Long, Received> received = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final List<AcceptedVersion> acceptedVersions = new ArrayList<>();
    private long highestSeq;

    private volatile int failStatus;
    private volatile int failNextStatus;
    private final AtomicInteger failNextCount = new AtomicInteger();
    private volatile Duration stall;

    private FakeDataCentre() {
        http = FakeHttp.start("fake-data-centre", this::handle);
    }

    public static FakeDataCentre start() {
        return new FakeDataCentre();
    }

    public String baseUrl() {
        return http.baseUrl();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        http.close();
    }

    // ---- failure modes

    /** Every batch is answered with this HTTP status until {@link #healthy()}. */
    public void failWith(int httpStatus) {
        failStatus = httpStatus;
    }

    /** The next {@code n} batches are answered with this HTTP status. */
    public void failNext(int n, int httpStatus) {
        failNextStatus = httpStatus;
        failNextCount.set(n);
    }

    /** Every batch waits this long before it is handled, until {@link #healthy()}. */
    public void stall(Duration delay) {
        stall = delay;
    }

    public void healthy() {
        failStatus = 0;
        failNextCount.set(0);
        stall = null;
    }

    // ---- observations

    public List<Batch> batches() {
        synchronized (lock) {
            return List.copyOf(batches);
        }
    }

    /** The highest stored version per record, keyed {@code type:id}. */
    public Map<String, Long> storedVersions() {
        synchronized (lock) {
            return Collections.unmodifiableMap(new TreeMap<>(versions));
        }
    }

    public List<RecordedRequest> requests() {
        return http.requests();
    }

    /** Forgets everything received and clears the failure modes. */
    public void reset() {
        healthy();
        synchronized (lock) {
            batches.clear();
            received.clear();
            versions.clear();
            acceptedVersions.clear();
            highestSeq = 0;
        }
        http.clearRequests();
    }

    // ---- endpoints

    private void handle(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException {
        String route = request.method() + " " + request.path();
        switch (route) {
            case "POST /api/v1/batches" -> batch(exchange, request);
            case "GET /api/v1/reconciliation" -> reconciliation(exchange, request);
            default -> FakeHttp.writeJson(exchange, 404, problem("NOT_FOUND", "No route for " + route));
        }
    }

    private void batch(HttpExchange exchange, RecordedRequest request) throws IOException, InterruptedException {
        Duration delay = stall;
        if (delay != null) {
            Thread.sleep(delay.toMillis());
        }
        int injected = failNextCount.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? failNextStatus : failStatus;
        if (injected != 0) {
            FakeHttp.writeJson(
                    exchange, injected, problem("UNAVAILABLE", "HTTP " + injected + " injected by FakeDataCentre"));
            return;
        }
        ParsedBatch batch;
        try {
            batch = parse(request.body());
        } catch (BadBatch e) {
            FakeHttp.writeJson(exchange, 400, problem("BAD_BATCH", e.getMessage()));
            return;
        }
        synchronized (lock) {
            Received earlier = received.get(batch.seq());
            if (earlier != null) {
                if (earlier.records().equals(batch.records())) {
                    FakeHttp.writeJson(exchange, 200, earlier.receipt());
                } else {
                    FakeHttp.writeJson(
                            exchange,
                            409,
                            problem(
                                    "SEQ_CONFLICT",
                                    "batchSeq " + batch.seq() + " was already received with different records"));
                }
                return;
            }
            if (batch.seq() <= highestSeq) {
                FakeHttp.writeJson(
                        exchange,
                        409,
                        problem(
                                "SEQ_OUT_OF_ORDER",
                                "batchSeq " + batch.seq() + " is not above the last one received, " + highestSeq));
                return;
            }
            FakeHttp.writeJson(exchange, 200, apply(batch));
        }
    }

    /** Upserts the records, keeping the highest version of each; must hold {@code lock}. */
    private Map<String, Object> apply(ParsedBatch batch) {
        Instant now = Instant.now();
        LocalDate day = now.atZone(BUREAU_ZONE).toLocalDate();
        int accepted = 0;
        for (Item item : batch.items()) {
            Long stored = versions.get(item.key());
            if (stored == null || item.version() > stored) {
                versions.put(item.key(), item.version());
                acceptedVersions.add(new AcceptedVersion(item, day));
                accepted++;
            }
        }
        int duplicates = batch.items().size() - accepted;
        String receiptId = UUID.randomUUID().toString();
        // Placeholder: the real data centre signs receipts with SM3 and its key (see the data-centre signing
        // issue); a plain SHA-256 keeps the shape so the outbox can already store and compare it.
        String signature = sha256Hex(receiptId + "|" + batch.seq() + "|" + accepted + "|" + duplicates);
        Map<String, Object> receipt = fields(
                "receiptId",
                receiptId,
                "batchSeq",
                batch.seq(),
                "accepted",
                accepted,
                "duplicates",
                duplicates,
                "receivedAt",
                now.toString(),
                "signature",
                signature);
        received.put(batch.seq(), new Received(batch.records(), receipt));
        batches.add(new Batch(batch.seq(), batch.source(), batch.items().size(), accepted, duplicates, now, receiptId));
        highestSeq = batch.seq();
        return receipt;
    }

    private void reconciliation(HttpExchange exchange, RecordedRequest request) throws IOException {
        LocalDate date;
        try {
            date = LocalDate.parse(request.query().getOrDefault("date", ""));
        } catch (DateTimeParseException e) {
            FakeHttp.writeJson(exchange, 400, problem("BAD_DATE", "date must be YYYY-MM-DD"));
            return;
        }
        Map<String, Long> counts = new TreeMap<>();
        List<String> lines = new ArrayList<>();
        synchronized (lock) {
            for (AcceptedVersion accepted : acceptedVersions) {
                if (accepted.day().equals(date)) {
                    Item item = accepted.item();
                    counts.merge(item.type(), 1L, Long::sum);
                    lines.add(item.key() + ":" + item.version());
                }
            }
        }
        Collections.sort(lines);
        FakeHttp.writeJson(
                exchange,
                200,
                fields(
                        "date",
                        date.toString(),
                        "total",
                        lines.size(),
                        "counts",
                        counts,
                        "digest",
                        sha256Hex(String.join("\n", lines))));
    }

    // ---- parsing

    private static ParsedBatch parse(String body) throws BadBatch {
        JsonNode root;
        try {
            root = FakeHttp.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BadBatch("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new BadBatch("body must be a JSON object");
        }
        long seq = integer(root, "", "batchSeq");
        if (seq < 1) {
            throw new BadBatch("batchSeq must be positive");
        }
        String source = text(root, "", "source");
        try {
            OffsetDateTime.parse(text(root, "", "timestamp"));
        } catch (DateTimeParseException e) {
            throw new BadBatch("timestamp must be an ISO-8601 date-time with an offset");
        }
        // Required now so the outbox sends them from day one; verified once the SM3 signing exists.
        text(root, "", "nonce");
        text(root, "", "signature");
        JsonNode records = root.path("records");
        if (!records.isArray() || records.isEmpty()) {
            throw new BadBatch("records must be a non-empty array");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            String where = "records[" + i + "].";
            if (!record.path("payload").isObject()) {
                throw new BadBatch(where + "payload must be an object");
            }
            items.add(new Item(
                    text(record, where, "type"), text(record, where, "id"), integer(record, where, "version")));
        }
        return new ParsedBatch(seq, source, items, records);
    }

    private static String text(JsonNode node, String where, String field) throws BadBatch {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new BadBatch(where + field + " must be a non-blank string");
        }
        return value.asText();
    }

    private static long integer(JsonNode node, String where, String field) throws BadBatch {
        JsonNode value = node.path(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new BadBatch(where + field + " must be an integer");
        }
        return value.asLong();
    }

    private static Map<String, Object> problem(String code, String message) {
        return fields("code", code, "message", message);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
