package com.cogov.api.inspection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Values to and from the inspection tables. Times travel as decimal epoch seconds ({@code FROM_UNIXTIME(?)},
 * {@code UNIX_TIMESTAMP(col)}): Connector/J drops a bound timestamp's fraction against MariaDB, and a cursor must keep
 * its microseconds to continue exactly where a page ended (the reason notify's NotifySql gives).
 */
final class InspectionSql {

    static final String TIME = "FROM_UNIXTIME(?)";

    private InspectionSql() {}

    static BigDecimal epochSeconds(Instant instant) {
        return com.cogov.api.shared.EpochSeconds.of(instant);
    }

    static Instant instant(BigDecimal epochSeconds) {
        return com.cogov.api.shared.EpochSeconds.instant(epochSeconds);
    }

    static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof LocalDate date) {
                statement.setObject(i + 1, date);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static String marks(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }
}
