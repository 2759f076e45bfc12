package com.cogov.api.notify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Times to and from the database as decimal epoch seconds ({@code FROM_UNIXTIME(?)}, {@code UNIX_TIMESTAMP(col)}):
 * Connector/J drops the fraction of a bound timestamp against MariaDB, and a cursor must keep its microseconds to
 * continue exactly where a page ended (the same reason as audit's SqlTime).
 */
final class NotifySql {

    static final String TIME = "FROM_UNIXTIME(?)";

    private NotifySql() {}

    static BigDecimal epochSeconds(Instant instant) {
        return com.cogov.api.shared.EpochSeconds.of(instant);
    }

    static Instant instant(BigDecimal epochSeconds) {
        return com.cogov.api.shared.EpochSeconds.instant(epochSeconds);
    }

    /** A duration for {@code CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND}: the database's clock, shared by nodes. */
    static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }
}
