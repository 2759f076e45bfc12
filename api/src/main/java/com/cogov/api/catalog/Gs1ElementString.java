package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GS1 element string read from a GS1 DataMatrix, GS1-128 or GS1 QR code (docs/domain-rules.md §3), or typed in its
 * human-readable form {@code (01)06971200000012(17)281231(10)B2026(21)SN123}. Only the application identifiers a
 * drug package carries are interpreted: (01) GTIN, (17) expiry, (10) batch, (21) serial; others are kept raw.
 *
 * @param elements every element in order of appearance, AI to value
 */
record Gs1ElementString(Map<String, String> elements) {

    static final char GROUP_SEPARATOR = 0x1d;
    /** Symbology identifiers (ISO/IEC 15424) the decoder reports for GS1 content: DataMatrix, 128, QR, DataBar. */
    private static final Pattern GS1_SYMBOLOGY = Pattern.compile("\\](d2|C1|Q3|e0)");

    private static final Pattern HUMAN_READABLE = Pattern.compile("(?:\\((\\d{2,4})\\)([^()]+))+");
    private static final Pattern HUMAN_READABLE_ELEMENT = Pattern.compile("\\((\\d{2,4})\\)([^()]+)");

    Gs1ElementString {
        elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    /** The 14-digit GTIN of (01), if present. */
    Optional<String> gtin() {
        return Optional.ofNullable(elements.get("01"));
    }

    Optional<String> batch() {
        return Optional.ofNullable(elements.get("10"));
    }

    Optional<String> serial() {
        return Optional.ofNullable(elements.get("21"));
    }

    /**
     * (17) YYMMDD. The century is the one that puts the year within 49 years before and 50 after {@code currentYear}
     * (GS1 General Specifications 7.12), and day 00 means the last day of the month.
     */
    Optional<LocalDate> expiry(int currentYear) {
        String value = elements.get("17");
        if (value == null || !value.matches("\\d{6}")) {
            return Optional.empty();
        }
        int yy = Integer.parseInt(value.substring(0, 2));
        int month = Integer.parseInt(value.substring(2, 4));
        int day = Integer.parseInt(value.substring(4, 6));
        int difference = yy - currentYear % 100;
        int century = currentYear / 100 + (difference >= 51 ? -1 : difference <= -50 ? 1 : 0);
        try {
            YearMonth yearMonth = YearMonth.of(century * 100 + yy, month);
            return Optional.of(day == 0 ? yearMonth.atEndOfMonth() : yearMonth.atDay(day));
        } catch (DateTimeException e) {
            return Optional.empty(); // printed wrong: show the rest, not a made-up date
        }
    }

    /**
     * Reads GS1 content. {@code symbologyIdentifier} is what the decoder reported (e.g. {@code ]d2}); without a GS1
     * one, only the bracketed human-readable form is taken as GS1, so that a plain Code 128 of 20 digits (a
     * traceability code) is not misread as AI 81.
     */
    static Optional<Gs1ElementString> parse(String text, @Nullable String symbologyIdentifier) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String content = text.strip();
        if (HUMAN_READABLE.matcher(content).matches()) {
            Map<String, String> elements = new LinkedHashMap<>();
            Matcher m = HUMAN_READABLE_ELEMENT.matcher(content);
            while (m.find()) {
                elements.put(m.group(1), m.group(2));
            }
            return Optional.of(new Gs1ElementString(elements));
        }
        boolean gs1 = symbologyIdentifier != null
                && GS1_SYMBOLOGY.matcher(symbologyIdentifier).matches();
        // Some decoders (ZXing with ASSUME_GS1) put the identifier in the text itself.
        Matcher prefix = GS1_SYMBOLOGY.matcher(content);
        if (prefix.lookingAt()) {
            gs1 = true;
            content = content.substring(prefix.end());
        }
        return gs1 ? parseRaw(content) : Optional.empty();
    }

    /** Element strings as encoded: fixed-length elements run on, variable-length ones end at GS (FNC1) or the end. */
    private static Optional<Gs1ElementString> parseRaw(String raw) {
        Map<String, String> elements = new LinkedHashMap<>();
        int i = 0;
        while (i < raw.length() && raw.charAt(i) == GROUP_SEPARATOR) {
            i++; // a leading FNC1, reported as GS by some decoders
        }
        while (i < raw.length()) {
            if (i + 2 > raw.length() || !Character.isDigit(raw.charAt(i)) || !Character.isDigit(raw.charAt(i + 1))) {
                break;
            }
            int aiLength = aiLength(raw.substring(i, i + 2));
            if (i + aiLength > raw.length()
                    || !raw.substring(i, i + aiLength).chars().allMatch(Character::isDigit)) {
                break;
            }
            String ai = raw.substring(i, i + aiLength);
            int start = i + aiLength;
            int fixed = fixedValueLength(ai);
            int end;
            if (fixed > 0) {
                end = Math.min(raw.length(), start + fixed);
            } else {
                int separator = raw.indexOf(GROUP_SEPARATOR, start);
                end = separator < 0 ? raw.length() : separator;
            }
            elements.put(ai, raw.substring(start, end));
            i = end;
            while (i < raw.length() && raw.charAt(i) == GROUP_SEPARATOR) {
                i++;
            }
        }
        return elements.isEmpty() ? Optional.empty() : Optional.of(new Gs1ElementString(elements));
    }

    /** How many digits the AI has, by its first two (GS1 General Specifications, section 3). */
    private static int aiLength(String firstTwo) {
        return switch (firstTwo) {
            case "23", "24", "25", "40", "41", "42", "71" -> 3;
            case "31", "32", "33", "34", "35", "36", "39", "43", "70", "72", "80", "81", "82" -> 4;
            default -> 2;
        };
    }

    /** Value length of the predefined-length AIs (no separator follows them); 0 for variable length. */
    private static int fixedValueLength(String ai) {
        return switch (ai.substring(0, 2)) {
            case "00" -> 18;
            case "01", "02", "03" -> 14;
            case "04" -> 16;
            case "11", "12", "13", "14", "15", "16", "17", "18", "19" -> 6;
            case "20" -> 2;
            case "31", "32", "33", "34", "35", "36" -> 6;
            case "41" -> 13;
            default -> ai.equals("7003") ? 10 : 0;
        };
    }

    /** {@code (01)06971200000012(17)281231...}: how the element string is printed under the symbol. */
    String humanReadable() {
        StringBuilder out = new StringBuilder();
        elements.forEach((ai, value) -> out.append('(').append(ai).append(')').append(value));
        return out.toString();
    }
}
