package com.cogov.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The app's application.yml keeps only what differs; the shared settings come from api's cogov-common.yml. */
class SharedConfigurationTest {

    @Test
    void seesTheSharedSettingsBeneathItsOwn() {
        try (ApplicationContext context =
                ApplicationContext.builder().deduceEnvironment(false).build()) {
            Environment environment = context.getEnvironment().start();

            assertThat(environment.getProperty("micronaut.security.authentication", String.class))
                    .contains("bearer");
            assertThat(environment.getProperty("micronaut.security.reject-not-found", Boolean.class))
                    .contains(false);
            assertThat(environment.getProperty("datasources.default.dialect", String.class))
                    .contains("MYSQL");
            assertThat(environment.getProperty("micronaut.serde.serialization.inclusion", String.class))
                    .contains("ALWAYS");
            assertThat(environment.getProperty("endpoints.health.details-visible", String.class))
                    .contains("NEVER");
            assertThat(environment.getProperty("micronaut.server.idle-timeout", String.class))
                    .contains("60s");
            // the portal's own: its spreadsheet imports take 20 MB (docs/imports.md), the shared limit is 11 MB
            assertThat(environment.getProperty("micronaut.server.max-request-size", String.class))
                    .contains("22MB");

            assertThat(environment.getProperty("micronaut.application.name", String.class))
                    .contains("cogov-portal");
            assertThat(environment.getProperty("micronaut.server.port", Integer.class))
                    .contains(8081);
            assertThat(environment.getProperty("endpoints.all.port", Integer.class))
                    .contains(9081);
            // The BFF's registration pool and policy are its own, not shared.
            assertThat(environment.getProperty("micronaut.executors.registration.n-threads", Integer.class))
                    .isEmpty();
            assertThat(environment.getProperty("cogov.registration.void-window", String.class))
                    .isEmpty();
        }
    }

    @Test
    void itsEnvironmentFilesAndTheEnvironmentWinOverTheSharedSettings() {
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("prod")
                .properties(Map.of("endpoints.health.details-visible", "AUTHENTICATED"))
                .build()) {
            Environment environment = context.getEnvironment().start();

            // cogov-common.yml opens the API documentation; application-prod.yml closes it.
            assertThat(environment.getProperty("cogov.api-docs.enabled", Boolean.class))
                    .contains(false);
            assertThat(environment.getProperty("cogov.api-docs.anonymous", Boolean.class))
                    .contains(false);
            assertThat(environment.getProperty("endpoints.health.details-visible", String.class))
                    .contains("AUTHENTICATED");
            assertThat(environment.getProperty("micronaut.application.name", String.class))
                    .contains("cogov-portal");
        }
    }
}
