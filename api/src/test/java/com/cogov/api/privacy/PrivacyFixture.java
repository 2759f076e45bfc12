package com.cogov.api.privacy;

import com.cogov.api.shared.SecretsConfiguration;
import java.util.Map;

/** Test keys and services built directly, without a Micronaut context. */
final class PrivacyFixture {

    static final String KEY_V1 = "0123456789abcdeffedcba9876543210";
    static final String KEY_V2 = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
    static final String BLIND_INDEX_KEY = "3c5e7a9b1d2f4608a7c9e1b3d5f70819" + "2a4c6e8f0b1d3f5a7c9e0b2d4f6a8c1e";
    static final String ID_NUMBER = "420106199003071234";

    private PrivacyFixture() {}

    /** Current key version 1, nothing retired. */
    static PrivacyService service() {
        return service(1, KEY_V1, Map.of());
    }

    static PrivacyService service(int keyVersion, String currentKey, Map<Integer, String> retiredKeys) {
        return service(keyVersion, currentKey, retiredKeys, BLIND_INDEX_KEY);
    }

    static PrivacyService service(
            int keyVersion, String currentKey, Map<Integer, String> retiredKeys, String blindIndexKey) {
        return new PrivacyService(
                new SecretsConfiguration(null, currentKey, blindIndexKey, null),
                new PrivacyConfiguration(keyVersion, retiredKeys));
    }
}
