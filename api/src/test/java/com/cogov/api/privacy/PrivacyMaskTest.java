package com.cogov.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PrivacyMaskTest {

    private final PrivacyService privacy = PrivacyFixture.service();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ID_NUMBER | 420106199003071234     | 4201**********1234
            ID_NUMBER | 42010619900307123x     | 4201**********123X
            ID_NUMBER | ' 42010619900307123X ' | 4201**********123X
            ID_NUMBER | 420106900307123        | 4201*******7123
            ID_NUMBER | E12345678              | E1*****78
            ID_NUMBER | C1234567               | C1****67
            ID_NUMBER | 1234567                | 1*****7
            ID_NUMBER | 12345                  | 1***5
            ID_NUMBER | 1234                   | ****
            ID_NUMBER | 1                      | *
            ID_NUMBER | ''                     | ''
            ID_NUMBER | '   '                  | ''
            NAME      | 张三                    | 张*
            NAME      | 欧阳娜娜                 | 欧***
            NAME      | 张                      | *
            NAME      | ' 张三 '                 | 张*
            NAME      | 'John Smith'           | J*********
            NAME      | 😀😀                    | 😀*
            NAME      | ''                     | ''
            NAME      | '　'                    | ''
            PHONE     | 13812345678            | 138****5678
            PHONE     | '+86 138-1234-5678'    | 138****5678
            PHONE     | １３８１２３４５６７８       | 138****5678
            PHONE     | 027-87654321           | *******4321
            PHONE     | 87654321               | ****4321
            PHONE     | 12345                  | *2345
            PHONE     | 1234                   | ****
            PHONE     | 'n/a'                  | ''
            PHONE     | ''                     | ''
            """)
    void showsOnlyWhatTheRulesAllow(PersonalField field, String value, String masked) {
        assertThat(privacy.mask(field, value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @EnumSource(PersonalField.class)
    void masksNullAsNull(PersonalField field) {
        assertThat(privacy.mask(field, null)).isNull();
    }

    @Test
    void neverThrowsOnOddInput() {
        for (PersonalField field : PersonalField.values()) {
            for (String odd :
                    new String[] {"\uD83D", "\uDE00\uD83D", "\u0000", "x\u200By", "👨‍👩‍👧", "\n\t", "*".repeat(10_000)
                    }) {
                assertThatCode(() -> privacy.mask(field, odd)).doesNotThrowAnyException();
            }
        }
    }
}
