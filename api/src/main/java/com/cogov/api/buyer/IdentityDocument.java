package com.cogov.api.buyer;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A document number checked by the rules of its type (docs/domain-rules.md §2), in its one stored form: upper case,
 * half-width, no spaces, and a legacy 15-digit ID number converted to its 18-character form. All checks run on the
 * server whatever the mini-program checked, since the client is not trusted.
 *
 * @param number    normalised; a personal value, so {@link #toString()} masks it
 * @param birthDate from the number (GB 11643 numbers only)
 * @param sex       from the number (resident ID and social-security numbers only)
 */
record IdentityDocument(
        DocumentType type,
        String number,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** GB/T 2260 provinces, plus 81/82/83 (Hong Kong, Macao, Taiwan residence permits) and 91 (docs/domain-rules.md §2). */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
            62, 63, 64, 65, 71, 81, 82, 83, 91);

    private static final int EARLIEST_BIRTH_YEAR = 1900;
    private static final Pattern GB11643 = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern LEGACY_ID = Pattern.compile("\\d{15}");
    private static final Pattern HK_MACAO_PERMIT = Pattern.compile("[HM]\\d{8}(\\d{2})?");
    private static final Pattern PASSPORT = Pattern.compile("[A-Z0-9]{5,17}");

    /**
     * @param today the date in China, for "not born in the future"
     * @throws InvalidIdNumberException naming the rule the number breaks
     */
    static IdentityDocument parse(@Nullable DocumentType type, @Nullable String raw, LocalDate today) {
        if (type == null) {
            throw InvalidIdNumberException.noDocumentType();
        }
        String number = normalise(raw);
        String label = label(type);
        if (number.isEmpty()) {
            throw InvalidIdNumberException.because("请输入" + label);
        }
        return switch (type) {
            case RESIDENT_ID, SOCIAL_SECURITY -> citizenNumber(type, label, number, today);
            case FOREIGN_PERMANENT_RESIDENCE -> foreignPermanentResidence(label, number, today);
            case HK_MACAO_PERMIT -> formatOnly(type, number, HK_MACAO_PERMIT, label + "应为H或M加8位数字（旧版为H或M加10位数字）");
            case PASSPORT -> formatOnly(type, number, PASSPORT, label + "应为5至17位字母或数字");
        };
    }

    /**
     * Upper case, without any spaces (ASCII, full-width, no-break), full-width letters and digits as half-width: what
     * a Chinese input method or a copied text produces for the same number.
     */
    static String normalise(@Nullable String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            int halfWidth = c >= 0xFF01 && c <= 0xFF5E ? c - 0xFEE0 : c;
            if (!Character.isWhitespace(halfWidth) && !Character.isSpaceChar(halfWidth)) {
                out.appendCodePoint(halfWidth);
            }
        });
        return out.toString().toUpperCase(Locale.ROOT);
    }

    /** GB 11643: {@code "10X98765432"[Σ a_i·W_i mod 11]} over the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Whole years on {@code day}, by the calendar: one year older on the birthday (28 February → 1 March for 29 February). */
    static int age(LocalDate birthDate, LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    private static IdentityDocument citizenNumber(DocumentType type, String label, String number, LocalDate today) {
        String full;
        if (number.length() == 15) {
            if (!LEGACY_ID.matcher(number).matches()) {
                throw InvalidIdNumberException.because("15位的旧版" + label + "应全部为数字");
            }
            // Legacy numbers (before 1999) have a 2-digit year, all 19xx, and no check character.
            String first17 = number.substring(0, 6) + "19" + number.substring(6);
            full = first17 + checkCharacter(first17);
        } else if (number.length() == 18) {
            requireGb11643Shape(label, number);
            full = number;
        } else {
            throw InvalidIdNumberException.because(label + "应为18位（旧版身份证为15位数字）");
        }
        if (!PROVINCES.contains(Integer.parseInt(full.substring(0, 2)))) {
            throw InvalidIdNumberException.because(label + "前两位不是有效的省级行政区划代码，请核对");
        }
        // County codes are deliberately not checked: codes are retired over time and old cards stay valid.
        LocalDate birthDate = birthDate(label, full, today);
        Sex sex = (full.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new IdentityDocument(type, full, birthDate, sex);
    }

    /**
     * The 2023 card follows GB 11643 (9, issuing province, nationality, birth date, sequence, check character). Its
     * sequence digits are not documented to encode sex, so none is derived.
     */
    private static IdentityDocument foreignPermanentResidence(String label, String number, LocalDate today) {
        if (number.length() != 18) {
            throw InvalidIdNumberException.because(label + "应为18位");
        }
        if (number.charAt(0) != '9') {
            throw InvalidIdNumberException.because(label + "应以9开头（2023年版证件）");
        }
        requireGb11643Shape(label, number);
        return new IdentityDocument(
                DocumentType.FOREIGN_PERMANENT_RESIDENCE, number, birthDate(label, number, today), null);
    }

    private static IdentityDocument formatOnly(DocumentType type, String number, Pattern format, String rule) {
        if (!format.matcher(number).matches()) {
            throw InvalidIdNumberException.because(rule);
        }
        return new IdentityDocument(type, number, null, null);
    }

    /** Shape, then the check character: a single mistyped digit is the likeliest error, and this names it. */
    private static void requireGb11643Shape(String label, String number) {
        if (!GB11643.matcher(number).matches()) {
            throw InvalidIdNumberException.because(label + "前17位应为数字，最后一位为数字或X");
        }
        if (checkCharacter(number.substring(0, 17)) != number.charAt(17)) {
            throw InvalidIdNumberException.because(label + "校验位不正确，可能有输错的数字，请逐位核对");
        }
    }

    private static LocalDate birthDate(String label, String number, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.of(
                    Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            throw InvalidIdNumberException.because(label + "中的出生日期不是有效的日期，请核对");
        }
        if (date.getYear() < EARLIEST_BIRTH_YEAR) {
            throw InvalidIdNumberException.because(label + "中的出生日期早于1900年，请核对");
        }
        if (date.isAfter(today)) {
            throw InvalidIdNumberException.because(label + "中的出生日期晚于今天，请核对");
        }
        return date;
    }

    private static String label(DocumentType type) {
        return switch (type) {
            case RESIDENT_ID -> "居民身份证号码";
            case SOCIAL_SECURITY -> "社会保障号码";
            case FOREIGN_PERMANENT_RESIDENCE -> "外国人永久居留身份证号码";
            case HK_MACAO_PERMIT -> "港澳居民来往内地通行证号码";
            case PASSPORT -> "护照号码";
        };
    }

    /** Never the number: this record may end up in a log line or an assertion message. */
    @Override
    public String toString() {
        return "IdentityDocument[" + type + ", " + number.length() + " characters]";
    }
}
