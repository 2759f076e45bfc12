package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.audit.AuditService;
import com.cogov.infra.dev.DevServicesTest;
import com.cogov.infra.dev.LoopbackClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With no trusted proxy (the app reached directly, or nginx not yet listed in COGOV_WEB_TRUSTED_PROXIES), a caller's
 * own X-Forwarded-For and Forwarded headers are not believed, even with the client-address header configured: a
 * made-up address neither buys a fresh sign-in budget nor reaches the audit trail.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpoofedClientAddressTest implements DevServicesTest {

    @Inject
    EmbeddedServer server;

    @Inject
    AuditService audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("micronaut.server.client-address-header", "X-Forwarded-For");
        return properties;
    }

    @Test
    void madeUpForwardedAddressesShareTheSocketsBudgetAndTheTrailRecordsTheSocket() throws Exception {
        LoopbackClient attacker = LoopbackClient.ofNewAddress(server.getPort());
        List<String> traceIds = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            LoopbackClient.Response refused = attacker.send(
                    "POST",
                    "/portal/v1/auth/login",
                    spoofed(i),
                    "{\"username\":\"spoofer" + i + "\",\"password\":\"Guess-" + i + "\"}");
            assertThat(refused.status()).as("attempt %d", i).isEqualTo(401);
            traceIds.add(refused.header("X-Trace-Id").orElseThrow());
        }
        LoopbackClient.Response throttled = attacker.send(
                "POST", "/portal/v1/auth/login", spoofed(31), "{\"username\":\"spoofer31\",\"password\":\"Guess-31\"}");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.body()).contains("\"code\":\"TOO_MANY_ATTEMPTS\"");
        assertThat(throttled.header("Retry-After")).isPresent();

        audit.flush();
        assertThat(recordedAddress(traceIds.get(0))).isEqualTo(attacker.address());
        assertThat(recordedAddress(traceIds.get(29))).isEqualTo(attacker.address());
    }

    private static Map<String, String> spoofed(int i) {
        return Map.of("X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i);
    }

    private String recordedAddress(String traceId) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT source_address FROM audit_event WHERE trace_id = ? AND action = 'account.sign-in'")) {
            ps.setString(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next())
                        .as("the failed sign-in %s is in the trail", traceId)
                        .isTrue();
                return rs.getString(1);
            }
        }
    }
}
