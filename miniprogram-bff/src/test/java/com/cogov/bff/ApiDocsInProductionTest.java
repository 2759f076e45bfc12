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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** In production the API documentation is not served unless it is turned on: not even to signed-in staff. */
@MicronautTest(environments = "prod", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocsInProductionTest implements DevServicesTest {

    static final String DOCUMENT = "/swagger/cogov-miniprogram-bff-1.0.yml";
    static final String UI = "/swagger-ui/index.html";

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DevServicesTest.super.getProperties());
        properties.put("logger.config", "logback-test.xml"); // keep the test JVM's plain logs
        return properties;
    }

    @Test
    void theDocumentAndSwaggerUiAreNotFound() {
        MiniProgramSessions mp = new MiniProgramSessions(client);
        String clerk = mp.signIn("demo-clerk").accessToken();
        for (String path : new String[] {DOCUMENT, UI}) {
            assertThat(mp.refused(HttpRequest.GET(path), 404).code()).as(path).isEqualTo("NOT_FOUND");
            assertThat(mp.refused(HttpRequest.GET(path).bearerAuth(clerk), 404).code())
                    .as(path)
                    .isEqualTo("NOT_FOUND");
        }
    }
}
