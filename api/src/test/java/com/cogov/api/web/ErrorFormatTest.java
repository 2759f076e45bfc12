package com.cogov.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.LoopbackClient;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every way a request can fail answers in the same problem+json shape, with a stable code and a trace id. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorFormatTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Test
    void namedRejectionAnswersWithItsCodeStatusAndChineseDetail() {
        Problem p = problem(HttpRequest.GET("/probe/reject"), 400);
        assertThat(p.code()).isEqualTo("ID_NUMBER_INVALID");
        assertThat(p.title()).isEqualTo("证件号码无效，请核对后重新输入");
        assertThat(p.detail()).isEqualTo("证件号码校验位不正确");
        assertThat(p.type()).endsWith("/id-number-invalid");
    }

    @Test
    void theDocumentedFieldsAreAlwaysPresent() {
        HttpClientResponseException e = failure(HttpRequest.GET("/probe/reject"));
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("\"errors\":[]", "\"traceId\":\"");
    }

    @Test
    void unknownRouteIsNotFound() {
        assertThat(problem(HttpRequest.GET("/no/such/thing"), 404).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void wrongMethodIsMethodNotAllowed() {
        assertThat(problem(HttpRequest.DELETE("/probe/reject"), 405).code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        var request = HttpRequest.POST("/probe/orders", "name=x").contentType(MediaType.TEXT_PLAIN_TYPE);
        assertThat(problem(request, 415).code()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        var request = HttpRequest.POST("/probe/orders", "{\"name\": \"张三\", \"items\": [")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        assertThat(problem(request, 400).code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void wrongFieldTypeIsAMalformedRequest() {
        var request = HttpRequest.POST(
                        "/probe/orders", "{\"name\":\"张三\",\"items\":[{\"batchNumber\":\"B1\",\"quantity\":\"two\"}]}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        assertThat(problem(request, 400).code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void invalidFieldsAreListedByTheirJsonPathWithChineseMessages() {
        var request = HttpRequest.POST(
                "/probe/orders",
                Map.of("name", " ", "items", java.util.List.of(Map.of("batchNumber", "B1", "quantity", 0))));
        Problem p = problem(request, 400);
        assertThat(p.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(p.errors())
                .extracting(Problem.FieldError::field, Problem.FieldError::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("items[0].quantity", "数量至少为1"),
                        org.assertj.core.groups.Tuple.tuple("name", "请填写姓名"));
    }

    @Test
    void missingAndMistypedQueryParametersAreNamed() {
        Problem missing = problem(HttpRequest.GET("/probe/count"), 400);
        assertThat(missing.code()).isEqualTo("MISSING_PARAMETER");
        assertThat(missing.errors()).extracting(Problem.FieldError::field).containsExactly("n");
        Problem mistyped = problem(HttpRequest.GET("/probe/count?n=abc"), 400);
        assertThat(mistyped.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(mistyped.errors()).extracting(Problem.FieldError::field).containsExactly("n");
    }

    @Test
    void oversizedBodyIsRejectedAsTooLarge() {
        String big = "{\"name\":\"" + "x".repeat(200_000) + "\",\"items\":[]}";
        var request = HttpRequest.POST("/probe/orders", big).contentType(MediaType.APPLICATION_JSON_TYPE);
        assertThat(problem(request, 413).code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBugAnswers500WithoutInternalsButWithATraceIdToFindItInTheLog() {
        HttpClientResponseException e = failure(HttpRequest.GET("/probe/boom"));
        assertThat(e.getStatus().getCode()).isEqualTo(500);
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("INTERNAL_ERROR").doesNotContain("registration_2026", "Exception", "at com.");
        Problem p = e.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(p.traceId()).isNotBlank().isEqualTo(e.getResponse().header("X-Trace-Id"));
    }

    @Test
    void aTraceIdFromTheProxyIsKeptAndAnUnsafeOneReplaced() {
        Problem kept = problem(HttpRequest.GET("/probe/reject").header("X-Request-Id", "nginx-0123456789abcdef"), 400);
        assertThat(kept.traceId()).isEqualTo("nginx-0123456789abcdef");
        Problem replaced = problem(HttpRequest.GET("/probe/reject").header("X-Request-Id", "bad\" id"), 400);
        assertThat(replaced.traceId()).isNotBlank().doesNotContain("bad");
    }

    @Test
    void aTraceIdSentByAClientThatIsNotATrustedProxyIsReplaced() {
        LoopbackClient.Response answer = LoopbackClient.ofNewAddress(server.getPort())
                .send("GET", "/probe/reject", Map.of("X-Request-Id", "someone-elses-trace-id"), null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("X-Trace-Id")).get().isNotEqualTo("someone-elses-trace-id");
        assertThat(answer.body()).doesNotContain("someone-elses-trace-id");
    }

    @Test
    void headRequestsGetTheStatusWithoutABody() {
        HttpClientResponseException e = failure(HttpRequest.create(HttpMethod.HEAD, "/no/such/thing"));
        assertThat(e.getStatus().getCode()).isEqualTo(404);
    }

    private Problem problem(MutableHttpRequest<?> request, int status) {
        HttpClientResponseException e = failure(request);
        HttpResponse<?> response = e.getResponse();
        assertThat(response.getStatus().getCode()).isEqualTo(status);
        assertThat(response.getContentType()).map(MediaType::toString).contains(Problem.MEDIA_TYPE);
        Problem problem = response.getBody(Problem.class).orElseThrow();
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.title()).isNotBlank();
        assertThat(problem.traceId()).isNotBlank().isEqualTo(response.header("X-Trace-Id"));
        return problem;
    }

    private HttpClientResponseException failure(MutableHttpRequest<?> request) {
        return catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
    }
}
