package com.cogov.api.shared;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Every secret the platform holds. All of them come from the environment (see README, "Production configuration");
 * the embedded default generates random ones and keeps them in its git-ignored data folder.
 *
 * @param tokenSigningKey      signs access tokens ({@code COGOV_SECRETS_TOKEN_SIGNING_KEY})
 * @param personalDataKey      SM4 key for ID numbers, names and phones, hex ({@code COGOV_SECRETS_PERSONAL_DATA_KEY})
 * @param blindIndexKey        HMAC-SM3 key for the blind lookup index, hex ({@code COGOV_SECRETS_BLIND_INDEX_KEY})
 * @param datacentreSigningKey signs upload batches to the bureau data centre ({@code COGOV_SECRETS_DATACENTRE_SIGNING_KEY})
 */
@ConfigurationProperties(SecretsConfiguration.PREFIX)
public record SecretsConfiguration(
        @Nullable String tokenSigningKey,
        @Nullable String personalDataKey,
        @Nullable String blindIndexKey,
        @Nullable String datacentreSigningKey) {

    public static final String PREFIX = "cogov.secrets";
}
