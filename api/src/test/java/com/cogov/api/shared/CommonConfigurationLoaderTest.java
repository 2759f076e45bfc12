package com.cogov.api.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cogov-common.yml is loaded beneath application.yml: its settings apply, and a value in application.yml wins. */
class CommonConfigurationLoaderTest {

    @Test
    void loadsTheSharedSettingsBeneathApplicationYml() {
        try (ApplicationContext context =
                ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment environment = context.getEnvironment().start();

            assertThat(environment.getProperty(
                            "micronaut.security.token.jwt.signatures.secret.generator.jws-algorithm", String.class))
                    .contains("HS256");
            assertThat(environment.getProperty("datasources.default.dialect", String.class))
                    .contains("MYSQL");
            assertThat(environment.getProperty("flyway.datasources.default.locations", String.class))
                    .contains("classpath:db/migration");
            assertThat(environment.getProperty("micronaut.serde.serialization.inclusion", String.class))
                    .contains("ALWAYS");
            assertThat(environment.getProperty("endpoints.health.details-visible", String.class))
                    .contains("NEVER");
            // The test application.yml sets these too: its values win over the shared file's (11MB, []).
            assertThat(environment.getProperty("micronaut.server.max-request-size", String.class))
                    .contains("64KB");
            assertThat(environment
                            .getProperty("cogov.web.trusted-proxies", List.class)
                            .orElseThrow())
                    .containsExactly("127.0.0.1", "::1");
            assertThat(environment.getPropertySources())
                    .extracting(source -> source.getName())
                    .contains(CommonConfigurationLoader.NAME, "application");
        }
    }
}
