package com.cogov.api.privacy;

import static com.cogov.api.privacy.PrivacyFixture.ID_NUMBER;
import static com.cogov.api.privacy.PrivacyFixture.KEY_V1;
import static com.cogov.api.privacy.PrivacyFixture.KEY_V2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivacySealTest {

    private final PrivacyService privacy = PrivacyFixture.service();

    @ParameterizedTest
    @ValueSource(strings = {"张三", "欧阳娜娜", "阿卜杜·热合曼", ID_NUMBER, "42010619900307123X", "13800138000", "", "😀"})
    void opensWhatItSealed(String value) {
        assertThat(privacy.open(privacy.seal(value))).isEqualTo(value);
    }

    @Test
    void sealsTheSameValueDifferentlyEachTimeYetOpensBothToIt() {
        String first = privacy.seal(ID_NUMBER);
        String second = privacy.seal(ID_NUMBER);
        assertThat(first).isNotEqualTo(second);
        assertThat(privacy.open(first)).isEqualTo(privacy.open(second)).isEqualTo(ID_NUMBER);
    }

    @Test
    void sealedTextCarriesItsKeyVersionButNoPartOfThePlaintext() {
        String sealed = privacy.seal(ID_NUMBER);
        assertThat(sealed).startsWith("v1:").doesNotContain(ID_NUMBER);
        for (int i = 0; i + 6 <= ID_NUMBER.length(); i++) {
            assertThat(sealed).doesNotContain(ID_NUMBER.substring(i, i + 6));
        }
        assertThat(privacy.seal("张三")).doesNotContain("张").doesNotContain("三");
    }

    @Test
    void aThreadsCipherServesValueAfterValueEvenAfterATamperedOne() throws Exception {
        String sealed = privacy.seal(ID_NUMBER);
        byte[] data = Base64.getDecoder().decode(sealed.substring(3));
        data[data.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(data);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Callable<Boolean>> clients = java.util.Collections.nCopies(8, () -> {
                for (int i = 0; i < 200; i++) {
                    String value = "张三" + i;
                    assertThat(privacy.open(privacy.seal(value))).isEqualTo(value);
                    if (i % 50 == 0) {
                        assertThatThrownBy(() -> privacy.open(tampered))
                                .isInstanceOf(PersonalDataUnreadableException.class);
                    }
                    assertThat(privacy.open(sealed)).isEqualTo(ID_NUMBER);
                }
                return true;
            });
            for (var result : pool.invokeAll(clients)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void passesNullThroughForOptionalFields() {
        assertThat(privacy.seal(null)).isNull();
        assertThat(privacy.open(null)).isNull();
    }

    @Test
    void refusesToOpenAValueWithAnyByteChanged() {
        String sealed = privacy.seal(ID_NUMBER);
        byte[] data = Base64.getDecoder().decode(sealed.substring(3));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            String text = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> privacy.open(text))
                    .isInstanceOf(PersonalDataUnreadableException.class)
                    .hasMessageContaining("integrity");
        }
    }

    @Test
    void refusesToOpenAValueUnderAnUnknownKeyVersion() {
        String sealed = privacy.seal(ID_NUMBER).replaceFirst("^v1:", "v7:");
        assertThatThrownBy(() -> privacy.open(sealed))
                .isInstanceOf(PersonalDataUnreadableException.class)
                .hasMessageContaining("key version 7")
                .hasMessageNotContaining(sealed.substring(3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ID_NUMBER,
                "v1",
                "v1:",
                "1:AAAA",
                "vx:AAAA",
                "v-1:AAAA",
                "v1:not base64!",
                "v1:AAAAAAAAAAAAAAAAAAAA",
                "v1:AAAAA",
                "v99999999999:AAAA"
            })
    void refusesToOpenMalformedValuesWithoutQuotingThem(String value) {
        assertThatThrownBy(() -> privacy.open(value))
                .isInstanceOf(PersonalDataUnreadableException.class)
                .hasMessageNotContaining(value);
    }

    @Test
    void keepsValuesSealedUnderARetiredKeyReadableAfterRotation() {
        String sealedUnderV1 = privacy.seal(ID_NUMBER);
        PrivacyService rotated = PrivacyFixture.service(2, KEY_V2, Map.of(1, KEY_V1));

        assertThat(rotated.open(sealedUnderV1)).isEqualTo(ID_NUMBER);
        String sealedUnderV2 = rotated.seal(ID_NUMBER);
        assertThat(sealedUnderV2).startsWith("v2:");
        assertThat(rotated.open(sealedUnderV2)).isEqualTo(ID_NUMBER);
        assertThatThrownBy(() -> privacy.open(sealedUnderV2)).isInstanceOf(PersonalDataUnreadableException.class);
    }

    @Test
    void refusesAValueWhoseVersionWasPointedAtAnotherKey() {
        String sealedUnderV1 = privacy.seal(ID_NUMBER);
        PrivacyService misconfigured = PrivacyFixture.service(2, KEY_V1, Map.of(1, KEY_V2));
        assertThatThrownBy(() -> misconfigured.open(sealedUnderV1))
                .isInstanceOf(PersonalDataUnreadableException.class)
                .hasMessageContaining("key version 1");
    }

    @Test
    void sealsInStandardSm4GcmSoOtherToolsCanOpenIt() throws Exception {
        byte[] data = Base64.getDecoder().decode(privacy.seal("张三").substring(3));
        Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", new BouncyCastleProvider());
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(HexFormat.of().parseHex(KEY_V1), "SM4"),
                new GCMParameterSpec(128, Arrays.copyOf(data, 12)));
        byte[] plain = cipher.doFinal(data, 12, data.length - 12);
        assertThat(new String(plain, StandardCharsets.UTF_8)).isEqualTo("张三");
    }
}
