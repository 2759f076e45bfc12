package com.cogov.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsGuardTest {

    private static final String STRONG = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    @Test
    void productionRefusesToStartWithoutSecretsAndNamesEveryMissingVariable() {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("flyway.datasources.default.enabled", false), "prod"))
                .hasStackTraceContaining("Refusing to start in production")
                .hasStackTraceContaining("COGOV_SECRETS_TOKEN_SIGNING_KEY is not set")
                .hasStackTraceContaining("COGOV_SECRETS_PERSONAL_DATA_KEY is not set")
                .hasStackTraceContaining("COGOV_WECHAT_APP_SECRET is not set")
                .hasStackTraceContaining("DATASOURCES_DEFAULT_URL is not set");
    }

    @Test
    void productionRefusesPlaceholderAndShortSecrets() {
        Map<String, Object> props = Map.of(
                "datasources.default.url",
                "jdbc:mysql://db.internal:3306/cogov",
                "flyway.datasources.default.enabled",
                false,
                "cogov.secrets.token-signing-key",
                "changeme-changeme-changeme-changeme",
                "cogov.secrets.personal-data-key",
                "short",
                "cogov.secrets.blind-index-key",
                STRONG,
                "cogov.secrets.datacentre-signing-key",
                STRONG,
                "cogov.wechat.app-secret",
                STRONG);
        assertThatThrownBy(() -> ApplicationContext.run(props, "prod"))
                .hasStackTraceContaining("COGOV_SECRETS_TOKEN_SIGNING_KEY is a placeholder or default value")
                .hasStackTraceContaining("COGOV_SECRETS_PERSONAL_DATA_KEY is shorter than 32 characters")
                .satisfies(e -> assertThat(e).hasStackTraceContaining("Refusing"))
                .satisfies(e -> assertThat(stackOf(e)).doesNotContain("BLIND_INDEX"));
    }

    @Test
    void weaknessRulesAcceptRandomKeys() {
        assertThat(ProductionSecretsGuard.weakness(STRONG)).isNull();
        assertThat(ProductionSecretsGuard.weakness("a".repeat(40))).isEqualTo("is a placeholder or default value");
    }

    private static String stackOf(Throwable e) {
        var out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
