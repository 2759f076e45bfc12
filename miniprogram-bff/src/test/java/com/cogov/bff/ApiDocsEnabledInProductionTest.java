package com.cogov.bff;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Turned on in production (COGOV_API_DOCS_ENABLED=true), the API documentation is for signed-in staff only. */
@MicronautTest(environments = "prod", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsEnabledInProductionTest implements DevServicesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("logger.config", "logback-test.xml"); // keep the test JVM's plain logs
        properties.put("cogov.api-docs.enabled", "true");
        return properties;
    }

    @Test
    void anonymousCallersAndThePublicAreRefusedAndStaffReadTheDocumentation() {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        String citizen = mp.signIn("citizen-" + UUID.randomUUID()).accessToken();
        String clerk = mp.signIn("demo-clerk").accessToken();
        for (String path : new String[] {ApiDocsInProductionTest.DOCUMENT, ApiDocsInProductionTest.UI}) {
            assertThat(mp.refused(HttpRequest.GET(path), 401).code()).as(path).isEqualTo("UNAUTHENTICATED");
            assertThat(mp.refused(HttpRequest.GET(path).bearerAuth(citizen), 403)
                            .code())
                    .as(path)
                    .isEqualTo("FORBIDDEN");
        }
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET(ApiDocsInProductionTest.DOCUMENT)
                                .bearerAuth(clerk)))
                .contains("/mp/v1/drugs/barcode/{code}");
        assertThat(client.toBlocking()
                        .retrieve(HttpRequest.GET(ApiDocsInProductionTest.UI).bearerAuth(clerk)))
                .contains("swagger");
    }
}
