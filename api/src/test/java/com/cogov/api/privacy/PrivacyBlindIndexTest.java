package com.cogov.api.privacy;

import static com.cogov.api.privacy.PersonalField.ID_NUMBER;
import static com.cogov.api.privacy.PersonalField.NAME;
import static com.cogov.api.privacy.PersonalField.PHONE;
import static com.cogov.api.privacy.PrivacyFixture.BLIND_INDEX_KEY;
import static com.cogov.api.privacy.PrivacyFixture.KEY_V1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacyBlindIndexTest {

    private final PrivacyService privacy = PrivacyFixture.service();

    @Test
    void isDeterministicAndSixtyFourLowercaseHexCharacters() {
        String index = privacy.blindIndex(ID_NUMBER, PrivacyFixture.ID_NUMBER);
        assertThat(index).matches("[0-9a-f]{64}").isEqualTo(privacy.blindIndex(ID_NUMBER, PrivacyFixture.ID_NUMBER));
    }

    @Test
    void isHmacSm3OverTheFieldNameAndTheNormalisedValue() throws Exception {
        Mac hmac = Mac.getInstance("HMACSM3", new BouncyCastleProvider());
        hmac.init(new SecretKeySpec(HexFormat.of().parseHex(BLIND_INDEX_KEY), "HMACSM3"));
        String expected = HexFormat.of().formatHex(hmac.doFinal("PHONE|13800138000".getBytes(StandardCharsets.UTF_8)));
        assertThat(privacy.blindIndex(PHONE, "138 0013 8000")).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {" 420106199003071234 ", "420106199003071234\u3000", "\t420106199003071234\n"})
    void ignoresSpacesAroundAnIdNumber(String typed) {
        assertThat(privacy.blindIndex(ID_NUMBER, typed)).isEqualTo(privacy.blindIndex(ID_NUMBER, "420106199003071234"));
    }

    @Test
    void treatsALowercaseXInAnIdNumberAsUppercase() {
        assertThat(privacy.blindIndex(ID_NUMBER, "42010619900307123x"))
                .isEqualTo(privacy.blindIndex(ID_NUMBER, "42010619900307123X"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "+86 138-0013-8000",
                "86 13800138000",
                "8613800138000",
                "+8613800138000",
                "138 0013 8000",
                "(138) 0013-8000",
                "１３８００１３８０００"
            })
    void readsAPhoneNumberAsItsNationalDigits(String typed) {
        assertThat(privacy.blindIndex(PHONE, typed)).isEqualTo(privacy.blindIndex(PHONE, "13800138000"));
    }

    @Test
    void keepsALeading86ThatIsPartOfALocalNumber() {
        assertThat(privacy.blindIndex(PHONE, "86123456")).isNotEqualTo(privacy.blindIndex(PHONE, "123456"));
    }

    @ParameterizedTest
    @ValueSource(strings = {" 欧阳 娜娜 ", "欧阳\u3000娜娜", "欧阳  \u3000 娜娜", "欧阳\u00A0娜娜"})
    void ignoresHowSpacesInANameWereTyped(String typed) {
        assertThat(privacy.blindIndex(NAME, typed)).isEqualTo(privacy.blindIndex(NAME, "欧阳 娜娜"));
    }

    @Test
    void indexesTheSameTextDifferentlyUnderEachField() {
        String text = "13800138000";
        assertThat(privacy.blindIndex(PHONE, text))
                .isNotEqualTo(privacy.blindIndex(ID_NUMBER, text))
                .isNotEqualTo(privacy.blindIndex(NAME, text));
    }

    @Test
    void dependsOnTheBlindIndexKey() {
        PrivacyService otherKey = PrivacyFixture.service(1, KEY_V1, Map.of(), "ff" + BLIND_INDEX_KEY.substring(2));
        assertThat(otherKey.blindIndex(ID_NUMBER, PrivacyFixture.ID_NUMBER))
                .isNotEqualTo(privacy.blindIndex(ID_NUMBER, PrivacyFixture.ID_NUMBER));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000"})
    void givesNoIndexWhenNothingIsLeftToLookUpBy(String value) {
        for (PersonalField field : PersonalField.values()) {
            assertThat(privacy.blindIndex(field, value)).isNull();
        }
        assertThat(privacy.blindIndex(PHONE, "n/a")).isNull();
    }
}
