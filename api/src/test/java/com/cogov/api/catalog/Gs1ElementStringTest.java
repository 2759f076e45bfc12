package com.cogov.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class Gs1ElementStringTest {

    private static final char GS = Gs1ElementString.GROUP_SEPARATOR;

    @Test
    void readsTheHumanReadableFormPrintedUnderTheSymbol() {
        Gs1ElementString gs1 = Gs1ElementString.parse("(01)06971200000012(17)281231(10)B2026(21)SN123", null)
                .orElseThrow();
        assertThat(gs1.gtin()).contains("06971200000012");
        assertThat(gs1.expiry(2026)).contains(LocalDate.of(2028, 12, 31));
        assertThat(gs1.batch()).contains("B2026");
        assertThat(gs1.serial()).contains("SN123");
    }

    @Test
    void readsAGs1DataMatrixWithItsLeadingFnc1AndSeparators() {
        String raw = GS + "0106971200000012" + "17281231" + "10B2026" + GS + "21SN123";
        Gs1ElementString gs1 = Gs1ElementString.parse(raw, "]d2").orElseThrow();
        assertThat(gs1.elements())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("01", "06971200000012"),
                        org.assertj.core.api.Assertions.entry("17", "281231"),
                        org.assertj.core.api.Assertions.entry("10", "B2026"),
                        org.assertj.core.api.Assertions.entry("21", "SN123"));
        assertThat(gs1.humanReadable()).isEqualTo("(01)06971200000012(17)281231(10)B2026(21)SN123");
    }

    @Test
    void readsGs1128WithTheSymbologyIdentifierInTheText() {
        Gs1ElementString gs1 = Gs1ElementString.parse("]C10106971200000012" + "10LOT7" + GS + "17290115", "]C1")
                .orElseThrow();
        assertThat(gs1.gtin()).contains("06971200000012");
        assertThat(gs1.batch()).contains("LOT7");
        assertThat(gs1.expiry(2026)).contains(LocalDate.of(2029, 1, 15));
    }

    @Test
    void aVariableLengthElementLastNeedsNoSeparator() {
        Gs1ElementString gs1 =
                Gs1ElementString.parse("010697120000001221ABC-42", "]d2").orElseThrow();
        assertThat(gs1.serial()).contains("ABC-42");
    }

    @Test
    void aPlainTraceabilityCodeIsNotMistakenForGs1() {
        assertThat(Gs1ElementString.parse("81000010000000000001", "]C0")).isEmpty();
        assertThat(Gs1ElementString.parse("81000010000000000001", null)).isEmpty();
        assertThat(Gs1ElementString.parse("https://example.cn/q?c=8100001", "]Q1"))
                .isEmpty();
    }

    @Test
    void dayZeroIsTheLastDayOfTheMonth() {
        Gs1ElementString gs1 = Gs1ElementString.parse("(17)280200", null).orElseThrow();
        assertThat(gs1.expiry(2026)).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void theCenturyKeepsTheYearWithinFiftyYearsOfNow() {
        assertThat(Gs1ElementString.parse("(17)751231", null).orElseThrow().expiry(2026))
                .contains(LocalDate.of(2075, 12, 31));
        assertThat(Gs1ElementString.parse("(17)771231", null).orElseThrow().expiry(2026))
                .contains(LocalDate.of(1977, 12, 31));
        assertThat(Gs1ElementString.parse("(17)010101", null).orElseThrow().expiry(2098))
                .contains(LocalDate.of(2101, 1, 1));
    }

    @Test
    void anImpossibleDateIsLeftOutRatherThanGuessed() {
        Gs1ElementString gs1 =
                Gs1ElementString.parse("(01)06971200000012(17)281340", null).orElseThrow();
        assertThat(gs1.expiry(2026)).isEmpty();
        assertThat(gs1.gtin()).contains("06971200000012");
    }

    @Test
    void stopsAtSomethingThatIsNotAnElementButKeepsWhatCameBefore() {
        Gs1ElementString gs1 =
                Gs1ElementString.parse("0106971200000012" + "??garbage", "]d2").orElseThrow();
        assertThat(gs1.elements()).containsOnlyKeys("01");
    }
}
