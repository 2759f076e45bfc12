package com.cogov.api.audit;

import io.micronaut.core.annotation.Nullable;
import java.util.regex.Pattern;

/**
 * The last line of defence against a plaintext personal value reaching the trail (which nobody may ever delete):
 * anything that looks like a resident ID number or a mainland mobile number is refused as a programming error.
 * Callers are meant to write keys (registration 981, account 7), never the values themselves.
 * A digit run is judged whole, so a 20-digit traceability code or a 13-digit barcode does not trip it. A value that is
 * a whole 64-character hex digest (a blind index: what a search by buyer records) is a key by construction, though
 * one in a few dozen holds a digit run shaped like a mobile number; the load harness found that as a 500.
 */
final class PersonalDataTripwire {

    private static final Pattern RESIDENT_ID_18 = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern RESIDENT_ID_15 = Pattern.compile("(?<!\\d)\\d{15}(?!\\d)");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private PersonalDataTripwire() {}

    /**
     * @param where names the field for the message; the value itself is never repeated, as the message may be logged
     * @throws IllegalArgumentException when the value holds something shaped like an ID number or a mobile number
     */
    static void check(String where, @Nullable String value) {
        if (value == null || DIGEST.matcher(value).matches()) {
            return;
        }
        if (RESIDENT_ID_18.matcher(value).find()
                || RESIDENT_ID_15.matcher(value).find()) {
            throw new IllegalArgumentException(
                    where + " looks like a resident ID number: audit records keys, never personal values");
        }
        if (MOBILE.matcher(value).find()) {
            throw new IllegalArgumentException(
                    where + " looks like a mobile number: audit records keys, never personal values");
        }
    }
}
