package com.cogov.api.shared;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Instants to and from the database as decimal epoch seconds ({@code FROM_UNIXTIME(?)}, {@code UNIX_TIMESTAMP(col)}):
 * Connector/J drops a bound timestamp's fraction against MariaDB, and a keyset cursor must compare the exact
 * microsecond a row holds. The one conversion every feature's SQL uses.
 */
public final class EpochSeconds {

    /** Where a bound {@link #of} value goes in a statement. */
    public static final String PLACEHOLDER = "FROM_UNIXTIME(?)";

    private EpochSeconds() {}

    /** The instant to the microsecond, as the database stores it. */
    public static BigDecimal of(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1000, 6));
    }

    public static @Nullable Instant instant(@Nullable BigDecimal epochSeconds) {
        return epochSeconds == null
                ? null
                : Instant.ofEpochSecond(
                        epochSeconds.longValue(),
                        epochSeconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }

    /** A column read as {@code UNIX_TIMESTAMP(col) AS name}; null stays null. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs.getBigDecimal(column));
    }
}
