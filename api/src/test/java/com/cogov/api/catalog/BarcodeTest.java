package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.contracts.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BarcodeTest {

    @Test
    void acceptsEan13WithCorrectCheckDigit() {
        assertThat(Barcode.parse("6901028075831").kind()).isEqualTo(Barcode.Kind.EAN_13);
    }

    @Test
    void acceptsEan8AndUpcA() {
        assertThat(Barcode.parse("96385074").kind()).isEqualTo(Barcode.Kind.EAN_8);
        assertThat(Barcode.parse("036000291452").kind()).isEqualTo(Barcode.Kind.UPC_A);
    }

    @Test
    void acceptsImportedDrugBarcodesOutsideTheChinesePrefixes() {
        assertThat(Barcode.parse("4006381333931").kind()).isEqualTo(Barcode.Kind.EAN_13);
    }

    @Test
    void readsTheProductIdentifierOfATraceabilityCode() {
        Barcode code = Barcode.parse("81000010123456789012");
        assertThat(code.kind()).isEqualTo(Barcode.Kind.TRACEABILITY_CODE);
        assertThat(code.productIdentifier()).isEqualTo("8100001");
    }

    @Test
    void trimsWhatTheScannerAddsAround() {
        assertThat(Barcode.parse(" 6901028075831\n").value()).isEqualTo("6901028075831");
    }

    @Test
    void rejectsAMistypedDigitByItsCheckDigit() {
        assertThatThrownBy(() -> Barcode.parse("6901028075832"))
                .isInstanceOfSatisfying(InvalidBarcodeException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BARCODE_INVALID);
                    assertThat(e.getMessage()).contains("校验位");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "69010280758310", "690102807583A", "６９０１０２８０７５８３１", "1234567890123456789"})
    void rejectsCodesOfTheWrongShape(String code) {
        assertThatThrownBy(() -> Barcode.parse(code))
                .isInstanceOfSatisfying(
                        InvalidBarcodeException.class,
                        e -> assertThat(e.getMessage()).contains("20位"));
    }
}
