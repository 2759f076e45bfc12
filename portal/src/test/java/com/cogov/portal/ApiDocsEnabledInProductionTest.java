package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Turned on in production (COGOV_API_DOCS_ENABLED=true), the API documentation is for signed-in staff only. */
@MicronautTest(environments = "prod", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsEnabledInProductionTest implements PortalTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(PortalTest.super.getProperties());
        properties.put("logger.config", "logback-test.xml"); // keep the test JVM's plain logs
        properties.put("cogov.api-docs.enabled", "true");
        return properties;
    }

    @Test
    void anonymousCallersAreRefusedAndStaffReadTheDocumentation() {
        PortalSessions portal = new PortalSessions(client);
        String enterprise = portal.login(
                        "enterprise", devServices().demoPasswords().get("enterprise"))
                .tokens()
                .accessToken();
        for (String path : new String[] {ApiDocsInProductionTest.DOCUMENT, ApiDocsInProductionTest.UI}) {
            assertThat(portal.refused(HttpRequest.GET(path), 401).code())
                    .as(path)
                    .isEqualTo("UNAUTHENTICATED");
        }
        assertThat(portal.call(HttpRequest.GET(ApiDocsInProductionTest.DOCUMENT), enterprise, String.class))
                .contains("/portal/v1/auth/login");
        assertThat(portal.call(HttpRequest.GET(ApiDocsInProductionTest.UI), enterprise, String.class))
                .contains("swagger");
    }
}
