package com.cogov.api.privacy;

import static com.cogov.api.privacy.PrivacyFixture.BLIND_INDEX_KEY;
import static com.cogov.api.privacy.PrivacyFixture.KEY_V1;
import static com.cogov.api.privacy.PrivacyFixture.KEY_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyKeyConfigurationTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "0123456789abcdef",
                "0123456789abcdeffedcba987654321001",
                "0123456789abcdeffedcba987654321g",
                "0123456789abcdeffedcba987654321",
                "k3y-k3y-k3y-k3y-k3y-k3y-k3y-k3y!"
            })
    void refusesToStartWithAPersonalDataKeyThatIsNot128BitsOfHex(String key) {
        assertThatThrownBy(() -> PrivacyFixture.service(1, key, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cogov.secrets.personal-data-key")
                .satisfies(e -> assertDoesNotQuote(e, key))
                .hasNoCause();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "00112233445566778899aabbccddee", "not-hex-not-hex-not-hex-not-hex-not-hex"})
    void refusesToStartWithABlindIndexKeyThatIsNotAtLeast128BitsOfHex(String key) {
        assertThatThrownBy(() -> PrivacyFixture.service(1, KEY_V1, Map.of(), key))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cogov.secrets.blind-index-key")
                .satisfies(e -> assertDoesNotQuote(e, key));
    }

    @Test
    void refusesToStartWithAMalformedRetiredKeyAndNamesItsVersion() {
        assertThatThrownBy(() -> PrivacyFixture.service(2, KEY_V2, Map.of(1, "abc")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cogov.privacy.retired-keys.1");
    }

    @Test
    void refusesToStartWhenTheCurrentVersionIsAlsoListedAsRetired() {
        assertThatThrownBy(() -> PrivacyFixture.service(2, KEY_V2, Map.of(2, KEY_V1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cogov.privacy.retired-keys.2")
                .hasMessageContaining("cogov.privacy.key-version");
    }

    @Test
    void refusesToStartWithAKeyVersionThatSealedValuesCouldNotName() {
        assertThatThrownBy(() -> PrivacyFixture.service(0, KEY_V1, Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cogov.privacy.key-version");
    }

    @Test
    void acceptsUppercaseHexSurroundingWhitespaceAndALongBlindIndexKey() {
        PrivacyService privacy = PrivacyFixture.service(
                1, " " + KEY_V1.toUpperCase() + "\n", Map.of(), BLIND_INDEX_KEY + BLIND_INDEX_KEY);
        assertThat(PrivacyFixture.service().open(privacy.seal("张三"))).isEqualTo("张三");
    }

    private static void assertDoesNotQuote(Throwable e, String key) {
        if (key != null && !key.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(key);
        }
    }
}
