package com.cogov.api.shared;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * In the {@code prod} environment, refuses to start while any secret is missing, too short or a well-known
 * placeholder, and names the environment variables to set. Hard-coded or default secrets are the defect most
 * reported against comparable backends; this makes shipping one impossible.
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE) // before the eager DataSource, so the operator reads our list, not a pool error
@Requires(env = ProductionSecretsGuard.PROD)
class ProductionSecretsGuard {

    static final String PROD = "prod";
    private static final int MIN_LENGTH = 32;
    private static final List<String> PLACEHOLDERS = List.of("changeme", "secret", "password", "default", "example");

    ProductionSecretsGuard(SecretsConfiguration secrets, WeChatConfiguration weChat, Environment environment) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("COGOV_SECRETS_TOKEN_SIGNING_KEY", secrets.tokenSigningKey());
        required.put("COGOV_SECRETS_PERSONAL_DATA_KEY", secrets.personalDataKey());
        required.put("COGOV_SECRETS_BLIND_INDEX_KEY", secrets.blindIndexKey());
        required.put("COGOV_SECRETS_DATACENTRE_SIGNING_KEY", secrets.datacentreSigningKey());
        required.put("COGOV_WECHAT_APP_SECRET", weChat.appSecret());
        List<String> problems = new ArrayList<>();
        required.forEach((variable, value) -> {
            String why = weakness(value);
            if (why != null) {
                problems.add(variable + " " + why);
            }
        });
        if (environment
                .getProperty("datasources.default.url", String.class)
                .filter(s -> !s.isBlank())
                .isEmpty()) {
            problems.add("DATASOURCES_DEFAULT_URL is not set");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Refusing to start in production: " + String.join("; ", problems)
                    + ". Set them in the environment (README, Production configuration).");
        }
    }

    static String weakness(String value) {
        if (value == null || value.isBlank()) {
            return "is not set";
        }
        if (value.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::contains)
                || value.chars().distinct().count() < 8) {
            return "is a placeholder or default value";
        }
        return null;
    }
}
