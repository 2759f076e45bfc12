package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.DemoData;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every answer tells the browser not to store, sniff or frame it, error answers included; and a cross-origin request
 * is refused in the one problem+json format.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseHeadersTest implements PortalTest {

    private static final String ELSEWHERE = "https://evil.example";

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aPublicAnswerIsCacheableForAMinuteButNeitherSniffedNorFramed() {
        // every GET of the public web is the same to everyone: shared caches may keep it (PublicSearchTest)
        HttpResponse<String> answer = client.toBlocking()
                .exchange(HttpRequest.GET("/portal/v1/public/drugs/barcode/" + DemoData.EXAMPLE_BARCODE), String.class);
        assertThat(answer.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void anAnswerCarryingTokensIsNotStored() {
        HttpResponse<SignInResult> signedIn = client.toBlocking()
                .exchange(
                        HttpRequest.POST(
                                        "/portal/v1/auth/login",
                                        Map.of(
                                                "username",
                                                "enterprise",
                                                "password",
                                                devServices().demoPasswords().get("enterprise")))
                                .header("X-Forwarded-For", "10.8.0.1"),
                        SignInResult.class);
        assertThat(signedIn.body().tokens().accessToken()).isNotBlank();
        assertApiHeaders(signedIn);
    }

    @Test
    void errorAnswersCarryTheSameHeaders() {
        HttpClientResponseException unauthenticated = failure(HttpRequest.GET("/portal/v1/accounts"));
        assertThat(unauthenticated.getStatus().getCode()).isEqualTo(401);
        assertApiHeaders(unauthenticated.getResponse());
        HttpClientResponseException notFound = failure(HttpRequest.GET("/portal/v1/no-such-thing"));
        assertThat(notFound.getStatus().getCode()).isEqualTo(404);
        assertThat(notFound.getResponse().getContentType())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo(Problem.MEDIA_TYPE));
        assertApiHeaders(notFound.getResponse());
    }

    @Test
    void aBrowsersPreflightFromAnotherSiteIsRefusedWithAProblem() {
        HttpClientResponseException refused = failure(HttpRequest.OPTIONS("/portal/v1/auth/login")
                .header("Origin", ELSEWHERE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type"));
        assertCrossOriginRefused(refused);
    }

    @Test
    void aCrossOriginRequestMicronautRefusesAnswersAProblem() {
        HttpClientResponseException refused = failure(
                HttpRequest.POST("/portal/v1/auth/login", Map.of("username", "enterprise", "password", "whatever"))
                        .header("Origin", ELSEWHERE));
        assertCrossOriginRefused(refused);
    }

    private static void assertCrossOriginRefused(HttpClientResponseException refused) {
        assertThat(refused.getStatus().getCode()).isEqualTo(403);
        Problem problem = refused.getResponse().getBody(Problem.class).orElseThrow();
        assertThat(problem.code()).isEqualTo("CROSS_ORIGIN_REFUSED");
        assertThat(problem.title()).isEqualTo("不接受跨域请求");
        assertThat(problem.traceId()).isNotBlank();
        assertThat(refused.getResponse().header("Access-Control-Allow-Origin")).isNull();
        assertApiHeaders(refused.getResponse());
    }

    private static void assertApiHeaders(HttpResponse<?> response) {
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    private HttpClientResponseException failure(MutableHttpRequest<?> request) {
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
        assertThat(e)
                .as("%s %s must fail", request.getMethod(), request.getPath())
                .isNotNull();
        return e;
    }
}
