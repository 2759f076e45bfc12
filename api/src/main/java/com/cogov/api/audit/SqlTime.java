package com.cogov.api.audit;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Instants sent to the database as {@code FROM_UNIXTIME(?)} of decimal epoch seconds rather than as JDBC timestamps.
 * MySQL Connector/J drops the fraction of a bound timestamp when the server calls itself 5.5.5-… (MariaDB does,
 * for old clients' sake), and a stored time that differs from the hashed one would fail verification. FROM_UNIXTIME
 * keeps the microseconds on MySQL 8 and MariaDB alike, and the TIMESTAMP column stores the same instant whatever the
 * session time zone (without daylight saving, as Asia/Shanghai and UTC are).
 */
final class SqlTime {

    static final String PLACEHOLDER = "FROM_UNIXTIME(?)";

    private SqlTime() {}

    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1000, 6));
    }

    /** The way back: {@code UNIX_TIMESTAMP(col)} of a TIMESTAMP(6) column, all six fraction digits kept. */
    static Instant instant(BigDecimal epochSeconds) {
        return Instant.ofEpochSecond(
                epochSeconds.longValue(),
                epochSeconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
}
