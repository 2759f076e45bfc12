package com.cogov.bff;

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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With no trusted proxy, a caller's own X-Forwarded-For and Forwarded headers are not believed, even with the
 * client-address header configured: the audit trail records the address the connection came from.
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
    void theTrailRecordsTheSocketsAddressNotTheOneTheCallerClaims() throws Exception {
        LoopbackClient caller = LoopbackClient.ofNewAddress(server.getPort());
        LoopbackClient.Response signedIn = caller.send(
                "POST",
                "/mp/v1/auth/wechat",
                Map.of("X-Forwarded-For", "203.0.113.7", "Forwarded", "for=198.51.100.7"),
                "{\"code\":\"demo:spoofer-" + UUID.randomUUID() + "\"}");
        assertThat(signedIn.status()).isEqualTo(200);

        audit.flush();
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT source_address FROM audit_event WHERE trace_id = ? AND action = 'account.sign-in'")) {
            ps.setString(1, signedIn.header("X-Trace-Id").orElseThrow());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the sign-in is in the trail").isTrue();
                assertThat(rs.getString(1)).isEqualTo(caller.address());
            }
        }
    }
}
