package com.cogov.api.complaint;

import com.cogov.api.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Tracking numbers (受理编号, {@code TS} + the date + 6 random digits: not a count of the city's cases) and query
 * codes (10 characters from an alphabet without 0/O and 1/I/L, about 50 bits). A query code is kept only as the
 * SHA-256 of the tracking number and the code, and compared in constant time.
 */
final class Codes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final int QUERY_CODE_LENGTH = 10;

    private Codes() {}

    static String trackingNumber(LocalDate day) {
        return "TS" + DAY.format(day) + String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
    }

    static String queryCode() {
        char[] code = new char[QUERY_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }

    /** The hash kept for a case's code; letters are compared without regard to case, as people type them. */
    static String hash(String trackingNumber, String queryCode) {
        return Digests.sha256Hex(trackingNumber + ":" + queryCode.strip().toUpperCase(Locale.ROOT));
    }

    static boolean matches(String storedHash, String trackingNumber, String queryCode) {
        return MessageDigest.isEqual(
                storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(trackingNumber, queryCode).getBytes(StandardCharsets.US_ASCII));
    }
}
