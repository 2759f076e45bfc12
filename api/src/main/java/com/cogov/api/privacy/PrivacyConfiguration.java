package com.cogov.api.privacy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Map;

/**
 * Key versions for sealed personal data. The current SM4 key itself is {@code cogov.secrets.personal-data-key}.
 * To rotate: move the current key to {@code retired-keys.<its version>}, set the new key and raise {@code key-version}.
 * New values are sealed under the new key at once; older values stay readable for as long as their key is listed
 * here, so remove a retired key only after every value sealed under it has been re-sealed.
 *
 * @param keyVersion  written into every newly sealed value ({@code v<keyVersion>:...}); 1 or more
 * @param retiredKeys version to hex SM4 key, for opening older values only; secrets, so set them in the environment
 */
@ConfigurationProperties(PrivacyConfiguration.PREFIX)
record PrivacyConfiguration(
        @Bindable(defaultValue = "1") int keyVersion,
        @Nullable Map<Integer, String> retiredKeys) {

    static final String PREFIX = "cogov.privacy";

    PrivacyConfiguration {
        retiredKeys = retiredKeys == null ? Map.of() : Map.copyOf(retiredKeys);
    }
}
