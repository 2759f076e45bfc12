package com.cogov.api.privacy;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How each personal field is compared and shown. Normalising makes the same person's value index the same however it
 * was typed; masking works on the normalised value, so stray spaces or a country code never decide what is revealed.
 */
final class PersonalValues {

    /** Includes the full-width space of Chinese input methods and the no-break space of copied text. */
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u3000]+");

    private static final int MOBILE_LENGTH = 11;

    private PersonalValues() {}

    static String normalise(PersonalField field, String value) {
        return switch (field) {
            case ID_NUMBER -> value.strip().toUpperCase(Locale.ROOT);
            case NAME, ADDRESS -> WHITESPACE.matcher(value).replaceAll(" ").strip();
            case PHONE -> nationalNumber(value);
        };
    }

    /** Never throws and never shows more than the rules in {@link PrivacyService#mask}; counts code points, not chars. */
    static String mask(PersonalField field, String value) {
        int[] chars = normalise(field, value).codePoints().toArray();
        int length = chars.length;
        return switch (field) {
            case ID_NUMBER -> {
                // 18- and 15-digit ID cards show 4 + 4; shorter documents (passports, permits) 2 + 2; tiny ones
                // nothing.
                int shown = length >= 15 ? 4 : length >= 8 ? 2 : length > 4 ? 1 : 0;
                yield keepEnds(chars, shown, shown);
            }
            case NAME -> keepEnds(chars, length > 1 ? 1 : 0, 0);
            case ADDRESS -> keepEnds(chars, Math.min(6, length / 2), 0);
            case PHONE ->
                length == MOBILE_LENGTH && chars[0] == '1'
                        ? keepEnds(chars, 3, 4)
                        : keepEnds(chars, 0, length > 4 ? 4 : 0);
        };
    }

    /**
     * Digits only (full-width digits read as digits), without the country code. A leading 86 is dropped after a
     * {@code +}, or when a mobile number follows it; otherwise it may be the start of a local landline number.
     */
    private static String nationalNumber(String value) {
        StringBuilder digits = new StringBuilder();
        value.codePoints().map(c -> Character.digit(c, 10)).filter(d -> d >= 0).forEach(digits::append);
        boolean countryCode = digits.indexOf("86") == 0
                && (value.strip().startsWith("+") || digits.length() == MOBILE_LENGTH + 2 && digits.charAt(2) == '1');
        return countryCode ? digits.substring(2) : digits.toString();
    }

    private static String keepEnds(int[] chars, int head, int tail) {
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            if (i < head || i >= chars.length - tail) {
                masked.appendCodePoint(chars[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
