package com.cogov.api.shared;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The city the platform serves: its administrative code (the city-wide scope of a city administrator) and its time
 * zone, in which a "day" is counted (a pharmacy's daily summary, a registration number's date, a buyer's age). Set in
 * one place, so a deployment for another city changes two properties and no code.
 *
 * @param code the city's administrative division code, e.g. {@code 420100} (Wuhan)
 * @param zone the zone of the city's days
 */
@ConfigurationProperties(CityConfiguration.PREFIX)
public record CityConfiguration(
        @Bindable(defaultValue = "420100") String code,
        @Bindable(defaultValue = "Asia/Shanghai") ZoneId zone) {

    public static final String PREFIX = "cogov.city";

    /** The city's date now. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The first instant of {@code day} in the city. */
    public Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The city's date at {@code instant}. */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
