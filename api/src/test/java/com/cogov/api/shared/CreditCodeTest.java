package com.cogov.api.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.contracts.error.ErrorCode;
import com.cogov.infra.dev.DemoData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** GB 32100-2015 (domain-rules.md §2), as a clerk copies a code from a business licence. */
class CreditCodeTest {

    /** A real code's shape, its check character computed here from the standard's weights. */
    private static final String FIRST_17 = "91420106MA4K3B7X2";

    @Test
    void acceptsACodeWithItsCheckCharacterAndStoresItUpperCase() {
        String code = FIRST_17 + CreditCode.checkCharacter(FIRST_17);
        assertThat(CreditCode.parse(code).value()).isEqualTo(code);
        assertThat(CreditCode.parse("  " + code.toLowerCase() + " ").value()).isEqualTo(code);
    }

    @Test
    void aCheckCharacterOf31IsZero() {
        // C = 31 - (S mod 31) is 31 when S mod 31 = 0: the standard writes 0
        String zeros = "00000000000000000";
        assertThat(CreditCode.checkCharacter(zeros)).isEqualTo('0');
        assertThat(CreditCode.valid(zeros + "0")).isTrue();
    }

    @Test
    void refusesAWrongCheckCharacterALengthAndLettersOutsideTheCharset() {
        char right = CreditCode.checkCharacter(FIRST_17);
        char wrong = right == 'A' ? 'B' : 'A';
        for (String bad : new String[] {
            FIRST_17 + wrong,
            FIRST_17,
            FIRST_17 + right + "0",
            "91420106MA4K3B7I2" + right,
            "",
            "９1420106MA4K3B7X2" + right
        }) {
            assertThat(CreditCode.valid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> CreditCode.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            CreditCodeInvalidException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDIT_CODE_INVALID));
        }
        assertThatThrownBy(() -> CreditCode.parse(null)).isInstanceOf(CreditCodeInvalidException.class);
    }

    @Test
    void theDemoDataGeneratorMakesCodesThisCheckAccepts() {
        // dev-services cannot depend on api, so its generator is a copy: this pins the two together
        Random random = new Random(1);
        for (int i = 0; i < 1_000; i++) {
            String code = DemoData.creditCode("91420106", random);
            assertThat(CreditCode.valid(code)).as(code).isTrue();
        }
    }
}
