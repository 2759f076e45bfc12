package com.cogov.api.imports;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One data row of an uploaded file, by column header, as a definition reads it. Values come normalised the way people
 * type them in Excel and WPS: full-width digits, Latin letters and {@code + - .} become half-width, no-break and ideographic spaces
 * become spaces, and surrounding spaces go. Each problem is noted with its Chinese column name; the row's reason then
 * reads {@code 第12行「统一社会信用代码」：…}, with the row number as Excel shows it.
 */
final class ImportRow {

    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})[/.年-](\\d{1,2})[/.月-](\\d{1,2})日?");

    private final int rowNumber;
    private final Map<String, String> cells;
    private final List<String> problems = new ArrayList<>();

    ImportRow(int rowNumber, Map<String, String> cells) {
        this.rowNumber = rowNumber;
        this.cells = cells;
    }

    int rowNumber() {
        return rowNumber;
    }

    /** The cell's text, normalised; null when empty. */
    @Nullable
    String text(String column) {
        String raw = cells.get(column);
        if (raw == null) {
            return null;
        }
        String text = normalise(raw);
        return text.isEmpty() ? null : text;
    }

    /** The cell's text; a problem when empty or longer than {@code maxLength}. */
    @Nullable
    String required(String column, int maxLength) {
        String text = optional(column, maxLength);
        if (text == null && !has(column)) {
            reject(column, "不能为空");
        }
        return text;
    }

    /** The cell's text or null; a problem when longer than {@code maxLength}. */
    @Nullable
    String optional(String column, int maxLength) {
        String text = text(column);
        if (text != null && text.codePointCount(0, text.length()) > maxLength) {
            reject(column, "不能超过" + maxLength + "个字");
            return null;
        }
        return text;
    }

    /** A decimal number in [min, max] with at most {@code scale} decimals; null and a problem otherwise. */
    @Nullable
    BigDecimal decimal(String column, boolean required, BigDecimal min, BigDecimal max, int scale) {
        String text = text(column);
        if (text == null) {
            if (required) {
                reject(column, "不能为空");
            }
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            reject(column, "“" + clip(text) + "”不是数字");
            return null;
        }
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            reject(column, "须在" + min.toPlainString() + "至" + max.toPlainString() + "之间");
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            reject(column, "最多" + scale + "位小数");
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /**
     * A date as people write it: {@code 2026-01-05}, {@code 2026/1/5}, {@code 2026.1.5}, {@code 2026年1月5日}, or an
     * Excel date (the readers turn date-formatted cells into {@code 2026-01-05}).
     */
    @Nullable
    LocalDate date(String column, boolean required) {
        String text = text(column);
        if (text == null) {
            if (required) {
                reject(column, "不能为空");
            }
            return null;
        }
        LocalDate date = Dates.parse(text);
        if (date == null) {
            reject(column, "“" + clip(text) + "”不是日期，请写成 2026-01-05 或 2026/1/5");
        }
        return date;
    }

    /** Notes a problem of this row, in the column named. */
    void reject(@Nullable String column, String problem) {
        problems.add(column == null ? problem : "「" + column + "」" + problem);
    }

    boolean rejected() {
        return !problems.isEmpty();
    }

    /** Every problem of the row, in one sentence with the row number. */
    String reason() {
        return "第" + rowNumber + "行" + String.join("；", problems);
    }

    private boolean has(String column) {
        return text(column) != null;
    }

    /** Full-width ASCII to half-width, odd spaces to plain ones, then stripped. */
    static String normalise(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19'
                    || c >= '\uFF21' && c <= '\uFF3A'
                    || c >= '\uFF41' && c <= '\uFF5A'
                    || c == '\uFF0B'
                    || c == '\uFF0D'
                    || c == '\uFF0E') {
                // full-width digits, Latin letters and + - . (typed in a Chinese input method); full-width
                // punctuation such as （） and ，stays: it belongs in Chinese names and addresses
                out.append((char) (c - 0xFEE0));
            } else if (c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\t') {
                out.append(' ');
            } else if (c == '\u200B' || c == '\uFEFF') {
                continue; // zero-width space and a stray byte-order mark: invisible, never meant
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    static String clip(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }

    /** The ways a date is written in regulators' sheets. */
    static final class Dates {
        private Dates() {}

        @Nullable
        static LocalDate parse(String text) {
            try {
                return LocalDate.parse(
                        text.length() > 10 ? text.substring(0, 10) : text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                // not ISO; try the others
            }
            Matcher m = SLASH_DATE.matcher(text);
            if (m.matches()) {
                try {
                    return LocalDate.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
            if (text.matches("\\d{5}(\\.0+)?")) { // an Excel serial typed or pasted as text
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text.replaceAll("\\..*", "")));
            }
            return null;
        }
    }
}
