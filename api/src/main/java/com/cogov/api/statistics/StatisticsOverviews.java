package com.cogov.api.statistics;

import com.cogov.contracts.statistics.StatisticsOverview;
import com.cogov.contracts.statistics.StatisticsRow;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dashboard of one day: a fixed number of rollup rows (30 days of the scope, 30 days of drugs and districts), the
 * open alerts by an index range, and the dormant pharmacies by one index lookup per active pharmacy. Nothing in it
 * grows with the number of sales.
 */
@Singleton
class StatisticsOverviews {

    static final int SERIES_DAYS = 30;
    static final int DORMANT_DAYS = 14;
    static final int TOP_DRUGS = 10;
    static final int DORMANT_LISTED = 100;

    private final StatisticsTables tables;
    private final StatisticsQueries queries;

    StatisticsOverviews(StatisticsTables tables, StatisticsQueries queries) {
        this.tables = tables;
        this.queries = queries;
    }

    StatisticsOverview overview(@Nullable String districtCode, LocalDate date) {
        LocalDate first = date.minusDays(SERIES_DAYS - 1);
        Map<String, Tally> days = tables.tallies(
                districtCode == null ? Grain.CITY : Grain.DISTRICT,
                districtCode,
                first,
                date,
                StatisticsTables.keyOf(StatisticsFilter.GroupBy.DAY));
        List<StatisticsRow> series = new ArrayList<>(SERIES_DAYS);
        for (LocalDate day = first; !day.isAfter(date); day = day.plusDays(1)) {
            series.add(dayRow(days, day));
        }
        return new StatisticsOverview(
                date,
                districtCode,
                dayRow(days, date),
                dayRow(days, date.minusDays(7)),
                series,
                ranked(StatisticsFilter.GroupBy.DRUG, Grain.DRUG, districtCode, first, date, TOP_DRUGS),
                ranked(StatisticsFilter.GroupBy.DISTRICT, Grain.DISTRICT, districtCode, first, date, Integer.MAX_VALUE),
                queries.openAlerts(districtCode),
                queries.dormant(districtCode, date.minusDays(DORMANT_DAYS - 1), date, DORMANT_LISTED));
    }

    /** The week before's day is inside the 30 days read; a day without sales is a row of zeros. */
    private static StatisticsRow dayRow(Map<String, Tally> days, LocalDate day) {
        return days.getOrDefault(day.toString(), new Tally()).row(day.toString(), day.toString());
    }

    private List<StatisticsRow> ranked(
            StatisticsFilter.GroupBy groupBy,
            Grain grain,
            @Nullable String districtCode,
            LocalDate from,
            LocalDate to,
            int limit) {
        Map<String, Tally> byKey = tables.tallies(grain, districtCode, from, to, StatisticsTables.keyOf(groupBy));
        Comparator<Map.Entry<String, Tally>> order = groupBy == StatisticsFilter.GroupBy.DRUG
                ? Comparator.comparingLong(e -> -e.getValue().packages())
                : Comparator.comparingLong(e -> -e.getValue().sales());
        List<Map.Entry<String, Tally>> top = byKey.entrySet().stream()
                .sorted(order.thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .toList();
        Map<String, String> labels = tables.labels(
                groupBy,
                top.stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        return top.stream()
                .map(e -> e.getValue().row(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey())))
                .toList();
    }
}
