package com.cogov.api.alert;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Instants to and from the database as decimal epoch seconds ({@code FROM_UNIXTIME(?)}, {@code UNIX_TIMESTAMP(col)}),
 * as the audit trail does and for its reason: Connector/J drops a bound timestamp's fraction on MariaDB, and a keyset
 * cursor must compare the exact microsecond a row holds.
 */
final class SqlTimes {

    static final String PLACEHOLDER = "FROM_UNIXTIME(?)";

    private SqlTimes() {}

    static BigDecimal seconds(Instant instant) {
        return com.cogov.api.shared.EpochSeconds.of(instant);
    }

    /** A column read as {@code UNIX_TIMESTAMP(col) AS name}. */
    static Instant instant(ResultSet rs, String column) throws SQLException {
        return com.cogov.api.shared.EpochSeconds.instant(rs, column);
    }

    /** Binds in order, an Instant as epoch seconds for {@link #PLACEHOLDER}. */
    static void bind(java.sql.PreparedStatement ps, java.util.List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            ps.setObject(i + 1, value instanceof Instant t ? seconds(t) : value);
        }
    }
}
