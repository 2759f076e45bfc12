package com.cogov.api.shared;

import java.util.Locale;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), checked: 18 characters of
 * {@value #CHARSET} (no I, O, Z, S, V), the 18th a check character over the first 17 (domain-rules.md §2). The one
 * place the platform checks these codes: pharmacies, enterprises, imports and reports all parse through it.
 */
public record CreditCode(String value) {

    /** Each character's value is its index here. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (!valid(value)) {
            throw new CreditCodeInvalidException();
        }
    }

    /**
     * What a person typed, spaces around it dropped and letters upper-cased (licences are copied by hand).
     *
     * @throws CreditCodeInvalidException (400 CREDIT_CODE_INVALID) when it is not a valid code
     */
    public static CreditCode parse(String typed) {
        if (typed == null) {
            throw new CreditCodeInvalidException();
        }
        return new CreditCode(typed.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether the text is a code exactly as stored: 18 characters of the charset with the right check character. */
    public static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * WEIGHTS[i];
        }
        return code.charAt(17) == checkCharacter(sum);
    }

    /** The check character of the first 17 characters: for test data and demo records that must be valid. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 characters expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not a credit code character at " + i);
            }
            sum += v * WEIGHTS[i];
        }
        return checkCharacter(sum);
    }

    private static char checkCharacter(int sum) {
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    @Override
    public String toString() {
        return value;
    }
}
