package com.cogov.api.buyer;

import static com.cogov.contracts.buyer.DocumentType.FOREIGN_PERMANENT_RESIDENCE;
import static com.cogov.contracts.buyer.DocumentType.HK_MACAO_PERMIT;
import static com.cogov.contracts.buyer.DocumentType.PASSPORT;
import static com.cogov.contracts.buyer.DocumentType.RESIDENT_ID;
import static com.cogov.contracts.buyer.DocumentType.SOCIAL_SECURITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import com.cogov.contracts.error.ErrorCode;
import com.cogov.contracts.error.Problem;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/domain-rules.md §2, rule by rule. "Today" is fixed so that dates near it are exact. */
class IdentityDocumentTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** The public example of GB 11643 (and many textbooks): born 1949-12-31, sequence 002 (female). */
    static final String PUBLIC_EXAMPLE = TestPersonalData.GB11643_EXAMPLE;

    @Test
    void theIndependentTestImplementationAgreesWithThePublicExample() {
        assertThat(IdNumbers.valid("11010519491231002")).isEqualTo(PUBLIC_EXAMPLE);
        assertThat(IdentityDocument.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    static Stream<Arguments> validResidentNumbers() {
        return Stream.of(
                arguments("public example", PUBLIC_EXAMPLE, PUBLIC_EXAMPLE, LocalDate.of(1949, 12, 31), Sex.FEMALE),
                arguments(
                        "lowercase x stored uppercase",
                        "11010519491231002x",
                        PUBLIC_EXAMPLE,
                        LocalDate.of(1949, 12, 31),
                        Sex.FEMALE),
                arguments(
                        "spaces and full-width digits",
                        "１１０１０５ 1949 1231 002ｘ",
                        PUBLIC_EXAMPLE,
                        LocalDate.of(1949, 12, 31),
                        Sex.FEMALE),
                arguments(
                        "ideographic space and no-break space",
                        "\u3000110105\u00A019491231002X ",
                        PUBLIC_EXAMPLE,
                        LocalDate.of(1949, 12, 31),
                        Sex.FEMALE),
                arguments(
                        "odd 17th digit is male",
                        IdNumbers.valid("42010619900307123"),
                        IdNumbers.valid("42010619900307123"),
                        LocalDate.of(1990, 3, 7),
                        Sex.MALE),
                arguments(
                        "leap day",
                        IdNumbers.valid("42010220000229004"),
                        IdNumbers.valid("42010220000229004"),
                        LocalDate.of(2000, 2, 29),
                        Sex.FEMALE),
                arguments(
                        "unknown county code of a real province",
                        IdNumbers.valid("42999919800101001"),
                        IdNumbers.valid("42999919800101001"),
                        LocalDate.of(1980, 1, 1),
                        Sex.MALE),
                arguments(
                        "Hong Kong residence permit",
                        IdNumbers.valid("81000019950505003"),
                        IdNumbers.valid("81000019950505003"),
                        LocalDate.of(1995, 5, 5),
                        Sex.MALE),
                arguments(
                        "Macao residence permit",
                        IdNumbers.valid("82000019950505004"),
                        IdNumbers.valid("82000019950505004"),
                        LocalDate.of(1995, 5, 5),
                        Sex.FEMALE),
                arguments(
                        "Taiwan residence permit",
                        IdNumbers.valid("83000019950505005"),
                        IdNumbers.valid("83000019950505005"),
                        LocalDate.of(1995, 5, 5),
                        Sex.MALE),
                arguments(
                        "prefix 71",
                        IdNumbers.valid("71000019700101001"),
                        IdNumbers.valid("71000019700101001"),
                        LocalDate.of(1970, 1, 1),
                        Sex.MALE),
                arguments(
                        "prefix 91",
                        IdNumbers.valid("91000019700101002"),
                        IdNumbers.valid("91000019700101002"),
                        LocalDate.of(1970, 1, 1),
                        Sex.FEMALE),
                arguments(
                        "born on 1900-01-01",
                        IdNumbers.valid("11010119000101001"),
                        IdNumbers.valid("11010119000101001"),
                        LocalDate.of(1900, 1, 1),
                        Sex.MALE),
                arguments(
                        "born today",
                        IdNumbers.valid("11010120261122001"),
                        IdNumbers.valid("11010120261122001"),
                        TODAY,
                        Sex.MALE),
                arguments(
                        "legacy 15 digits converted",
                        "110105491231002",
                        PUBLIC_EXAMPLE,
                        LocalDate.of(1949, 12, 31),
                        Sex.FEMALE),
                arguments(
                        "legacy 15 digits, male",
                        "420106900307123",
                        IdNumbers.valid("42010619900307123"),
                        LocalDate.of(1990, 3, 7),
                        Sex.MALE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validResidentNumbers")
    void acceptsValidResidentIdNumbers(String why, String typed, String stored, LocalDate birthDate, Sex sex) {
        IdentityDocument document = IdentityDocument.parse(RESIDENT_ID, typed, TODAY);
        assertThat(document.type()).isEqualTo(RESIDENT_ID);
        assertThat(document.number()).isEqualTo(stored);
        assertThat(document.birthDate()).isEqualTo(birthDate);
        assertThat(document.sex()).isEqualTo(sex);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validResidentNumbers")
    void validatesSocialSecurityNumbersExactlyLikeResidentIds(
            String why, String typed, String stored, LocalDate birthDate, Sex sex) {
        IdentityDocument document = IdentityDocument.parse(SOCIAL_SECURITY, typed, TODAY);
        assertThat(document.type()).isEqualTo(SOCIAL_SECURITY);
        assertThat(document.number()).isEqualTo(stored);
        assertThat(document.birthDate()).isEqualTo(birthDate);
        assertThat(document.sex()).isEqualTo(sex);
    }

    static Stream<Arguments> invalidResidentNumbers() {
        return Stream.of(
                arguments("empty", "", "请输入"),
                arguments("only spaces", " \u3000 ", "请输入"),
                arguments("17 characters", "11010519491231002", "应为18位"),
                arguments("19 characters", "11010519491231002X1", "应为18位"),
                arguments("letter inside", "1101051949123100AX", "前17位应为数字"),
                arguments("last character not X", "11010519491231002Y", "前17位应为数字"),
                arguments("wrong check character", IdNumbers.wrongCheck("11010519491231002"), "校验位不正确"),
                arguments("X where a digit belongs", "42010619900307123X", "校验位不正确"),
                arguments("province 00", IdNumbers.valid("00010519491231002"), "省级行政区划代码"),
                arguments("province 99", IdNumbers.valid("99010519491231002"), "省级行政区划代码"),
                arguments("province 16", IdNumbers.valid("16010519491231002"), "省级行政区划代码"),
                arguments("province 84", IdNumbers.valid("84010519491231002"), "省级行政区划代码"),
                arguments("30 February", IdNumbers.valid("11010519990230001"), "不是有效的日期"),
                arguments("29 February of a common year", IdNumbers.valid("11010520010229001"), "不是有效的日期"),
                arguments("month 13", IdNumbers.valid("11010519901301001"), "不是有效的日期"),
                arguments("day 00", IdNumbers.valid("11010519900100001"), "不是有效的日期"),
                arguments("born tomorrow", IdNumbers.valid("11010120261123001"), "晚于今天"),
                arguments("born in 2099", IdNumbers.valid("11010120990101001"), "晚于今天"),
                arguments("born in 1899", IdNumbers.valid("11010118991231001"), "早于1900年"),
                arguments("15 characters with a letter", "11010549123100X", "15位的旧版"),
                arguments("15 digits, impossible date", "110105990230001", "不是有效的日期"),
                arguments("15 digits, bad province", "000105491231002", "省级行政区划代码"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidResidentNumbers")
    void refusesInvalidResidentIdNumbersNamingTheRule(String why, String typed, String detail) {
        for (DocumentType type : new DocumentType[] {RESIDENT_ID, SOCIAL_SECURITY}) {
            InvalidIdNumberException e = refused(type, typed);
            assertThat(e.getMessage()).contains(detail).contains(type == RESIDENT_ID ? "居民身份证号码" : "社会保障号码");
        }
    }

    @Test
    void refusesAForeignersNumberTypedAsAResidentId() {
        assertThat(refused(RESIDENT_ID, IdNumbers.valid("93184019850315001")).getMessage())
                .contains("省级行政区划代码");
    }

    @Test
    void acceptsA2023ForeignPermanentResidenceNumberWithItsBirthDateButNoSex() {
        String number = IdNumbers.valid("93184019850315001");
        IdentityDocument document = IdentityDocument.parse(FOREIGN_PERMANENT_RESIDENCE, number.toLowerCase(), TODAY);
        assertThat(document.number()).isEqualTo(number);
        assertThat(document.birthDate()).isEqualTo(LocalDate.of(1985, 3, 15));
        assertThat(document.sex()).isNull();
    }

    static Stream<Arguments> invalidForeignNumbers() {
        return Stream.of(
                arguments("not starting with 9", IdNumbers.valid("83184019850315001"), "应以9开头"),
                arguments("old 15-character card", "USA310850315001", "应为18位"),
                arguments("wrong check character", IdNumbers.wrongCheck("93184019850315001"), "校验位不正确"),
                arguments("impossible date", IdNumbers.valid("93184019850230001"), "不是有效的日期"),
                arguments("born tomorrow", IdNumbers.valid("93184020261123001"), "晚于今天"),
                arguments("letters", "9318401985031500AB", "前17位应为数字"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidForeignNumbers")
    void refusesInvalidForeignPermanentResidenceNumbers(String why, String typed, String detail) {
        assertThat(refused(FOREIGN_PERMANENT_RESIDENCE, typed).getMessage())
                .contains("外国人永久居留身份证号码")
                .contains(detail);
    }

    @ParameterizedTest
    @ValueSource(strings = {"H12345678", "M12345678", "H1234567890", "h12345678", " M 1234 5678 ", "Ｈ１２３４５６７８"})
    void acceptsHongKongAndMacaoTravelPermitsByFormat(String typed) {
        IdentityDocument document = IdentityDocument.parse(HK_MACAO_PERMIT, typed, TODAY);
        assertThat(document.number()).matches("[HM]\\d{8}(\\d{2})?");
        assertThat(document.birthDate()).isNull();
        assertThat(document.sex()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"C12345678", "H1234567", "H123456789", "H123456789012", "12345678", "H1234567X"})
    void refusesMalformedTravelPermits(String typed) {
        assertThat(refused(HK_MACAO_PERMIT, typed).getMessage())
                .contains("港澳居民来往内地通行证号码")
                .contains("H或M");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E12345678", "e1234 5678", "G1234567", "12345", "ABCDEFGHIJ1234567", "Ｅ１２３４５６７８"})
    void acceptsPassportsByFormat(String typed) {
        IdentityDocument document = IdentityDocument.parse(PASSPORT, typed, TODAY);
        assertThat(document.number()).matches("[A-Z0-9]{5,17}");
        assertThat(document.birthDate()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"E123", "ABCDEFGHIJ12345678", "E1234-5678", "E12345678/", "护照12345"})
    void refusesMalformedPassports(String typed) {
        assertThat(refused(PASSPORT, typed).getMessage()).contains("护照号码应为5至17位字母或数字");
    }

    @Test
    void aMissingDocumentTypeNamesItsOwnField() {
        InvalidIdNumberException e = catchThrowableOfType(
                InvalidIdNumberException.class, () -> IdentityDocument.parse(null, PUBLIC_EXAMPLE, TODAY));
        assertThat(e.fieldErrors()).extracting(Problem.FieldError::field).containsExactly("buyer.documentType");
    }

    @Test
    void toStringNeverShowsTheNumber() {
        assertThat(IdentityDocument.parse(RESIDENT_ID, PUBLIC_EXAMPLE, TODAY).toString())
                .doesNotContain("110105");
    }

    private static InvalidIdNumberException refused(DocumentType type, String typed) {
        InvalidIdNumberException e =
                catchThrowableOfType(InvalidIdNumberException.class, () -> IdentityDocument.parse(type, typed, TODAY));
        assertThat(e).as("%s must be refused as %s", typed, type).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ID_NUMBER_INVALID);
        assertThat(e.fieldErrors()).extracting(Problem.FieldError::field).containsExactly("buyer.documentNumber");
        String normalised = IdentityDocument.normalise(typed);
        if (normalised.length() >= 5) {
            assertThat(e.getMessage()).as("the detail never repeats the number").doesNotContain(normalised);
        }
        return e;
    }
}
