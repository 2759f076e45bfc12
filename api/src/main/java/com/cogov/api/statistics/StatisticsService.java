package com.cogov.api.statistics;

import com.cogov.api.shared.Actor;
import com.cogov.api.shared.CityConfiguration;
import com.cogov.contracts.statistics.StatisticsOverview;
import com.cogov.contracts.statistics.StatisticsTable;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * The regulators' statistics (docs/statistics.md): ad-hoc tables and the dashboard, served from the rollup that
 * {@code StatisticsRollup} keeps a few seconds behind the counter, never from the registration table. A city
 * administrator sees the city (or a district), a district inspector their own district, everyone else nothing.
 */
@Singleton
public class StatisticsService {

    private final StatisticsTables tables;
    private final StatisticsOverviews overviews;
    private final StatisticsQueries queries;
    private final CityConfiguration city;
    private final Clock clock;

    StatisticsService(
            StatisticsTables tables,
            StatisticsOverviews overviews,
            StatisticsQueries queries,
            CityConfiguration city,
            Clock clock) {
        this.tables = tables;
        this.overviews = overviews;
        this.queries = queries;
        this.city = city;
        this.clock = clock;
    }

    /**
     * @param parameters the route's query parameters by name ({@code groupBy}, {@code from}, {@code to},
     *                   {@code districtCode}); absent ones omitted
     */
    public StatisticsTable registrations(Actor actor, Map<String, String> parameters) {
        return tables.table(filter(actor, parameters));
    }

    /** @param date a China day ({@code 2026-12-03}); null for today */
    public StatisticsOverview overview(Actor actor, @Nullable String date) {
        String district = StatisticsFilter.scope(actor, null, java.util.Set.of());
        LocalDate day = date == null || date.isBlank() ? city.today(clock) : StatisticsFilter.day("date", date, city);
        return overviews.overview(district, day);
    }

    /**
     * Sales of one pharmacy on the China days from..to (inclusive), from the rollup (a few seconds behind). The caller
     * has checked that the pharmacy is in its reader's scope.
     */
    public long pharmacySales(long pharmacyId, LocalDate from, LocalDate to) {
        return queries.pharmacySales(pharmacyId, from, to);
    }

    /** The one parser of the route and the STATISTICS export. */
    StatisticsFilter filter(Actor actor, Map<String, String> parameters) {
        return StatisticsFilter.parse(
                actor, parameters, city, clock, queries.districtNames().keySet());
    }
}
