package com.cogov.api.registration;

import com.cogov.api.shared.CityConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A registration's public number: {@code DJ}, the day it was recorded (China), nine random digits and a Damm check
 * digit, e.g. {@code DJ202611214830192756}. It says when, and nothing about how many: the internal id counts up across
 * the city, so a number made from it let any pharmacy read the city's sales volume off two of its own receipts. The
 * check digit catches any one digit misread or two neighbours swapped when a number is read out over the counter or
 * typed in. Unique by the database (uk_registration_number); a number already taken is drawn again ({@link GroupCommit}).
 */
@Singleton
class RegistrationNumbers {

    /** The shape of a number, old (the id in ten digits) or new. */
    static final Pattern SHAPE = Pattern.compile("DJ\\d{18}");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final int RANDOM_DIGITS = 1_000_000_000;
    /** Damm's quasigroup of order 10 (weakly totally anti-symmetric, zero diagonal). */
    private static final int[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0}
    };

    private final RandomGenerator random;
    private final ZoneId zone;

    @Inject
    RegistrationNumbers(CityConfiguration city) {
        this(new SecureRandom(), city);
    }

    RegistrationNumbers(RandomGenerator random, CityConfiguration city) {
        this.random = random;
        this.zone = city.zone();
    }

    /** A fresh number for a sale recorded at {@code recordedAt}; drawn anew on every call. */
    String next(Instant recordedAt) {
        String digits = DAY.format(recordedAt.atZone(zone)) + pad(random.nextInt(RANDOM_DIGITS));
        return "DJ" + digits + checkDigit(digits);
    }

    /** Whether the text can be a number this class made: the shape and the check digit. */
    static boolean isWellFormed(String number) {
        return number != null
                && SHAPE.matcher(number).matches()
                && checkDigit(number.substring(2, 19)) == number.charAt(19) - '0';
    }

    static int checkDigit(String digits) {
        int interim = 0;
        for (int i = 0; i < digits.length(); i++) {
            interim = DAMM[interim][digits.charAt(i) - '0'];
        }
        return interim;
    }

    private static String pad(int value) {
        String text = Integer.toString(value); // not String.format: this runs for every sale
        return "0".repeat(9 - text.length()) + text;
    }
}
