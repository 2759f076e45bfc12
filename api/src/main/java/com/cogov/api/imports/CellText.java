package com.cogov.api.imports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/** How a numeric cell becomes text: exactly as Excel holds it, never in scientific notation. */
final class CellText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Excel keeps 15 significant digits; what lies past them is binary noise (30.546000000000003). */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private CellText() {}

    /**
     * A stored number as text: {@code 6971234567890} for a barcode however the cell displays it (6.97123E+12),
     * {@code 30.546} for a coordinate, {@code 12} for 12.0.
     */
    static String number(String stored) {
        BigDecimal value;
        try {
            value = new BigDecimal(stored.strip());
        } catch (NumberFormatException e) {
            return stored;
        }
        return plain(value);
    }

    static String number(double value) {
        return plain(new BigDecimal(Double.toString(value)));
    }

    private static String plain(BigDecimal value) {
        BigDecimal rounded = value.precision() > 15 ? value.round(EXCEL_PRECISION) : value;
        BigDecimal stripped = rounded.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    /** A date-formatted number (an Excel date serial) as {@code 2026-01-05}, or with its time when it has one. */
    static String date(double serial, boolean date1904) {
        LocalDateTime at = DateUtil.getLocalDateTime(serial, date1904, true);
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? at.toLocalDate().toString()
                : DATE_TIME.format(at);
    }

    static String clipCell(String text) {
        return text.length() > SheetReader.MAX_CELL ? text.substring(0, SheetReader.MAX_CELL) : text;
    }
}
