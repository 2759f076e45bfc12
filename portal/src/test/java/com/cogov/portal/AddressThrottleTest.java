package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Password guessing from one address is cut off across all accounts, with a Retry-After. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressThrottleTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("cogov.account.max-attempts-per-address", "4");
        return properties;
    }

    @Test
    void tooManyAttemptsFromOneAddressAnswer429WithRetryAfterWhileOtherAddressesStillSignIn() {
        PortalSessions attacker = new PortalSessions(client);
        for (int i = 0; i < 4; i++) {
            attacker.refused(
                    HttpRequest.POST("/portal/v1/auth/login", Map.of("username", "user" + i, "password", "Guess-" + i)),
                    401);
        }
        HttpClientResponseException throttled = attacker.failure(HttpRequest.POST(
                "/portal/v1/auth/login",
                Map.of(
                        "username",
                        "enterprise",
                        "password",
                        devServices().demoPasswords().get("enterprise"))));
        assertThat(throttled.getStatus().getCode()).isEqualTo(429);
        assertThat(Integer.parseInt(throttled.getResponse().header("Retry-After")))
                .isBetween(1, 300);

        PortalSessions colleague = new PortalSessions(client);
        assertThat(colleague
                        .login("enterprise", devServices().demoPasswords().get("enterprise"))
                        .tokens())
                .isNotNull();
    }

    @Test
    void addressesAClientPrependsThroughTheProxyDoNotBuyAFreshBudget() {
        // nginx appends the address it saw to whatever X-Forwarded-For the client sent: the right-most one counts.
        PortalSessions attacker = new PortalSessions(client);
        for (int i = 0; i < 4; i++) {
            attacker.refused(
                    HttpRequest.POST(
                                    "/portal/v1/auth/login",
                                    Map.of("username", "prepender" + i, "password", "Guess-" + i))
                            .header("X-Forwarded-For", "198.51.100." + i),
                    401);
        }
        HttpClientResponseException throttled = attacker.failure(
                HttpRequest.POST("/portal/v1/auth/login", Map.of("username", "prepender9", "password", "Guess-9"))
                        .header("X-Forwarded-For", "198.51.100.9"));
        assertThat(throttled.getStatus().getCode()).isEqualTo(429);
    }
}
