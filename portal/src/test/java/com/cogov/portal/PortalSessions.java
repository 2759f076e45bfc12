package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.cogov.api.account.Authenticator;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.SignInResult;
import com.cogov.contracts.error.Problem;
import com.cogov.infra.dev.DevServices;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * What the portal's web front end does, for the tests. Administrators sign in with a TOTP code, and a code is valid
 * once, so the demo administrator signs in once per test JVM and its session is shared.
 */
final class PortalSessions {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static String adminToken;
    private static String adminTotpSecret;

    private final HttpClient client;
    private final String address;

    PortalSessions(HttpClient client) {
        this.client = client;
        // Each helper signs in from its own address (through the trusted proxy header), so the per-address limit
        // of one test does not spill into another.
        this.address = "10.0.0." + ADDRESSES.getAndIncrement();
    }

    SignInResult login(String username, String password) {
        return client.toBlocking()
                .retrieve(
                        withAddress(HttpRequest.POST(
                                "/portal/v1/auth/login", Map.of("username", username, "password", password))),
                        SignInResult.class);
    }

    SignInResult step(String path, Map<String, String> body) {
        return client.toBlocking()
                .retrieve(withAddress(HttpRequest.POST("/portal/v1/auth/" + path, body)), SignInResult.class);
    }

    synchronized String admin(DevServices dev) {
        if (adminToken == null) {
            SignInResult result = login("admin", dev.demoPasswords().get("admin"));
            if (result.status() == SignInResult.Status.TOTP_ENROLMENT_REQUIRED) {
                adminTotpSecret = result.totpEnrolment().secret();
            }
            assertThat(adminTotpSecret)
                    .as("the demo admin enrols in this JVM's first sign-in")
                    .isNotNull();
            adminToken = step(
                            "totp",
                            Map.of(
                                    "challengeToken",
                                    result.challengeToken(),
                                    "code",
                                    Authenticator.code(adminTotpSecret, Instant.now())))
                    .tokens()
                    .accessToken();
        }
        return adminToken;
    }

    <T> T call(MutableHttpRequest<?> request, String token, Class<T> type) {
        return client.toBlocking().retrieve(withAddress(request).bearerAuth(token), type);
    }

    <T> T call(MutableHttpRequest<?> request, String token, Argument<T> type) {
        return client.toBlocking().retrieve(withAddress(request).bearerAuth(token), type);
    }

    Problem refused(MutableHttpRequest<?> request, int status) {
        HttpClientResponseException e = catchThrowableOfType(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(withAddress(request), String.class));
        assertThat(e)
                .as("expected %d for %s %s", status, request.getMethod(), request.getPath())
                .isNotNull();
        assertThat(e.getStatus().getCode())
                .as("%s %s", request.getMethod(), request.getPath())
                .isEqualTo(status);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }

    /** Who calls, for a declarative client of an {@code *Operations} interface: this helper's address. */
    Actor caller() {
        return Actor.anonymous(address, null);
    }

    /** The problem of a call through a declarative client that must be refused with the status. */
    static Problem refused(ThrowingCallable call, int status) {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call);
        assertThat(e).as("expected %d", status).isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        return e.getResponse().getBody(Problem.class).orElseThrow();
    }

    HttpClientResponseException failure(MutableHttpRequest<?> request) {
        return catchThrowableOfType(
                HttpClientResponseException.class,
                () -> client.toBlocking().exchange(withAddress(request), String.class));
    }

    private MutableHttpRequest<?> withAddress(MutableHttpRequest<?> request) {
        return request.header("X-Forwarded-For", address);
    }
}
