package com.cogov.api.statistics;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.List;

/**
 * Distinct buyers per pharmacy, special category and day (China time), read from the statistics rollup, never from
 * the registration table: what the alert detection compares a pharmacy against (its own past, its district's peers).
 */
public interface DailyBuyers {

    /**
     * Every (day, pharmacy, category) with at least one sale in [from, to], both inclusive.
     *
     * @param districtCode null for the whole city
     */
    List<PharmacyDay> between(LocalDate from, LocalDate to, @Nullable String districtCode);

    record PharmacyDay(LocalDate day, long pharmacyId, String districtCode, String categoryCode, int distinctBuyers) {}
}
