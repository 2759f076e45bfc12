package com.cogov.api.buyer;

/**
 * Test numbers made with an implementation of the check character independent of the one under test: ISO 7064
 * MOD 11-2 as GB 11643 states it, weights 2^(i-1) mod 11 counted from the right, check value (12 − S mod 11) mod 11.
 */
final class IdNumbers {

    private IdNumbers() {}

    /** The 17 digits followed by their correct check character. */
    static String valid(String first17) {
        return first17 + check(first17);
    }

    /** The 17 digits followed by a check character that is wrong for them. */
    static String wrongCheck(String first17) {
        char right = check(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    static char check(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("17 digits expected");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int positionFromRight = 18 - i; // the check character is position 1
            int weight = (1 << (positionFromRight - 1)) % 11;
            sum += (first17.charAt(i) - '0') * weight;
        }
        int value = (12 - sum % 11) % 11;
        return value == 10 ? 'X' : (char) ('0' + value);
    }
}
