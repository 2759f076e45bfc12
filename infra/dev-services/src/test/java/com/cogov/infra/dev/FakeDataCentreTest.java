package com.cogov.infra.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeDataCentreTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private FakeDataCentre centre;

    @BeforeEach
    void start() {
        centre = FakeDataCentre.start();
    }

    @AfterEach
    void stop() {
        centre.close();
    }

    @Test
    void batchIsAcceptedWithASignedReceipt() throws Exception {
        HttpResponse<String> response = post(batch(1, record("adr", "A-1", 1), record("adr", "A-2", 1)));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = FakeHttp.JSON.readTree(response.body());
        assertThat(receipt.path("batchSeq").asLong()).isEqualTo(1);
        assertThat(receipt.path("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.path("duplicates").asInt()).isZero();
        assertThat(receipt.path("receivedAt").asText()).isNotBlank();
        assertThat(receipt.path("signature").asText())
                .isEqualTo(sha256(receipt.path("receiptId").asText() + "|1|2|0"));
        assertThat(centre.storedVersions()).containsEntry("adr:A-1", 1L).containsEntry("adr:A-2", 1L);
        assertThat(centre.batches()).singleElement().satisfies(b -> {
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.recordCount()).isEqualTo(2);
            assertThat(b.receiptId()).isEqualTo(receipt.path("receiptId").asText());
        });
    }

    @Test
    void resentBatchGetsTheSameReceiptAndIsNotCountedTwice() throws Exception {
        String batch = batch(7, record("adr", "A-1", 1));

        String first = post(batch).body();
        HttpResponse<String> again = post(batch);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first);
        assertThat(centre.batches()).hasSize(1);
        assertThat(reconciliation(today()).path("total").asInt()).isEqualTo(1);
    }

    @Test
    void resentSeqWithDifferentRecordsIsAConflict() throws Exception {
        post(batch(1, record("adr", "A-1", 1)));

        HttpResponse<String> response = post(batch(1, record("adr", "A-1", 2)));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("SEQ_CONFLICT");
    }

    @Test
    void seqBelowTheLastOneIsRefusedAsOutOfOrder() throws Exception {
        post(batch(5, record("adr", "A-1", 1)));

        HttpResponse<String> response = post(batch(4, record("adr", "A-2", 1)));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("SEQ_OUT_OF_ORDER");
    }

    @Test
    void lowerOrEqualVersionIsIgnoredAsDuplicate() throws Exception {
        post(batch(1, record("adr", "A-1", 3)));

        JsonNode receipt = FakeHttp.JSON.readTree(
                post(batch(2, record("adr", "A-1", 2), record("adr", "A-1", 3), record("adr", "A-1", 4)))
                        .body());

        assertThat(receipt.path("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.path("duplicates").asInt()).isEqualTo(2);
        assertThat(centre.storedVersions()).containsEntry("adr:A-1", 4L);
    }

    @Test
    void malformedBatchIsRefusedWith400() throws Exception {
        String noRecords = "{\"batchSeq\":1,\"source\":\"cogov\",\"timestamp\":\"2025-03-01T10:00:00+08:00\","
                + "\"nonce\":\"n\",\"signature\":\"s\",\"records\":[]}";
        String versionAsText = batch(1, "{\"type\":\"adr\",\"id\":\"A-1\",\"version\":\"1\",\"payload\":{}}");

        for (String body : new String[] {noRecords, versionAsText, "not json", "{\"batchSeq\":1}"}) {
            HttpResponse<String> response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(FakeHttp.JSON.readTree(response.body()).path("code").asText())
                    .isEqualTo("BAD_BATCH");
        }
        assertThat(centre.batches()).isEmpty();
    }

    @Test
    void failWithAnswersEveryBatchWithThatStatusUntilHealthy() throws Exception {
        centre.failWith(503);

        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(503);
        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(503);
        centre.healthy();
        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(200);
        assertThat(centre.batches()).hasSize(1);
    }

    @Test
    void failNextFailsOnlyThatManyBatches() throws Exception {
        centre.failNext(2, 502);

        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(502);
        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(502);
        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(200);
    }

    @Test
    void stallMakesAClientWithAShortTimeoutTimeOut() {
        centre.stall(Duration.ofSeconds(2));
        HttpRequest request = HttpRequest.newBuilder(URI.create(centre.baseUrl() + "/api/v1/batches"))
                .timeout(Duration.ofMillis(200))
                .POST(HttpRequest.BodyPublishers.ofString(batch(1, record("adr", "A-1", 1))))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void reconciliationCountsTheVersionsAcceptedThatDay() throws Exception {
        post(batch(1, record("adr", "A-1", 1), record("pharmacy", "P-9", 2)));
        post(batch(2, record("adr", "A-1", 2), record("adr", "A-1", 1)));
        LocalDate day = centre.batches()
                .get(0)
                .receivedAt()
                .atZone(FakeDataCentre.BUREAU_ZONE)
                .toLocalDate();

        JsonNode report = reconciliation(day);

        assertThat(report.path("total").asInt()).isEqualTo(3);
        assertThat(report.path("counts").path("adr").asInt()).isEqualTo(2);
        assertThat(report.path("counts").path("pharmacy").asInt()).isEqualTo(1);
        assertThat(report.path("digest").asText()).isEqualTo(sha256("adr:A-1:1\nadr:A-1:2\npharmacy:P-9:2"));
        assertThat(reconciliation(day.minusDays(1)).path("total").asInt()).isZero();
    }

    @Test
    void reconciliationRefusesABadDate() throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(centre.baseUrl() + "/api/v1/reconciliation?date=yesterday"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void resetForgetsEverything() throws Exception {
        post(batch(3, record("adr", "A-1", 1)));
        centre.failWith(500);

        centre.reset();

        assertThat(centre.batches()).isEmpty();
        assertThat(centre.storedVersions()).isEmpty();
        assertThat(centre.requests()).isEmpty();
        assertThat(post(batch(1, record("adr", "A-1", 1))).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(centre.baseUrl() + "/api/v1/batches"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode reconciliation(LocalDate date) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(centre.baseUrl() + "/api/v1/reconciliation?date=" + date))
                .build();
        return FakeHttp.JSON.readTree(
                client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String batch(long seq, String... records) {
        return "{\"batchSeq\":" + seq + ",\"source\":\"cogov\",\"timestamp\":\"2025-03-01T10:00:00+08:00\","
                + "\"nonce\":\"n-" + seq + "\",\"signature\":\"placeholder\",\"records\":[" + String.join(",", records)
                + "]}";
    }

    private static String record(String type, String id, long version) {
        return "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"version\":" + version + ",\"payload\":{\"note\":\"v"
                + version + "\"}}";
    }

    private LocalDate today() {
        return centre.batches()
                .get(0)
                .receivedAt()
                .atZone(FakeDataCentre.BUREAU_ZONE)
                .toLocalDate();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
