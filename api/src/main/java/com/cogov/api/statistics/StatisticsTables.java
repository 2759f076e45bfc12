package com.cogov.api.statistics;

import com.cogov.contracts.statistics.StatisticsRow;
import com.cogov.contracts.statistics.StatisticsTable;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a statistics table from the rollup: the rows of the grain that answers the grouping, added up per key, with
 * the key's name, and the totals from the district's (or the city's) own rows, whose distinct buyers count a buyer
 * who bought at two pharmacies once.
 */
@Singleton
class StatisticsTables {

    private final StatisticsQueries queries;

    StatisticsTables(StatisticsQueries queries) {
        this.queries = queries;
    }

    StatisticsTable table(StatisticsFilter filter) {
        Map<String, Tally> byKey = tallies(
                grain(filter.groupBy(), filter.districtCode()),
                filter.districtCode(),
                filter.from(),
                filter.to(),
                keyOf(filter.groupBy()));
        Map<String, String> labels = labels(filter.groupBy(), byKey);
        Comparator<Map.Entry<String, Tally>> order = filter.groupBy() == StatisticsFilter.GroupBy.DAY
                ? Map.Entry.<String, Tally>comparingByKey().reversed()
                : Comparator.<Map.Entry<String, Tally>>comparingLong(
                                e -> -e.getValue().sales())
                        .thenComparing(Map.Entry.comparingByKey());
        List<StatisticsRow> rows = byKey.entrySet().stream()
                .sorted(order)
                .map(e -> e.getValue().row(e.getKey(), labels.getOrDefault(e.getKey(), e.getKey())))
                .toList();
        return new StatisticsTable(
                filter.groupBy().wire(),
                filter.from(),
                filter.to(),
                filter.districtCode(),
                rows,
                total(filter.districtCode(), filter.from(), filter.to()));
    }

    /** The scope's own rows over the days: every count, and the distinct buyers across all of them. */
    StatisticsRow total(@Nullable String districtCode, LocalDate from, LocalDate to) {
        Tally total = new Tally();
        scopeRows(districtCode, from, to, total::add);
        return total.row("TOTAL", "合计");
    }

    /** The scope's row of each day (CITY rows for the city, DISTRICT rows for a district). */
    void scopeRows(
            @Nullable String districtCode,
            LocalDate from,
            LocalDate to,
            java.util.function.Consumer<StatisticsQueries.Daily> sink) {
        queries.rows(districtCode == null ? Grain.CITY : Grain.DISTRICT, districtCode, from, to, sink);
    }

    /** The rows of a grain in the scope and days, added up per key, in the order first read. */
    Map<String, Tally> tallies(
            Grain grain,
            @Nullable String districtCode,
            LocalDate from,
            LocalDate to,
            Function<StatisticsQueries.Daily, String> key) {
        Map<String, Tally> byKey = new LinkedHashMap<>();
        queries.rows(
                grain,
                districtCode,
                from,
                to,
                row -> byKey.computeIfAbsent(key.apply(row), k -> new Tally()).add(row));
        return byKey;
    }

    Map<String, String> labels(StatisticsFilter.GroupBy groupBy, Map<String, ?> keys) {
        return switch (groupBy) {
            case DAY -> Map.of();
            case DISTRICT -> queries.districtNames();
            case PHARMACY -> queries.names("pharmacy", keys.keySet());
            case DRUG -> queries.names("drug", keys.keySet());
            case CATEGORY -> queries.categoryNames();
        };
    }

    private static Grain grain(StatisticsFilter.GroupBy groupBy, @Nullable String districtCode) {
        return switch (groupBy) {
            case DAY -> districtCode == null ? Grain.CITY : Grain.DISTRICT;
            case DISTRICT -> Grain.DISTRICT;
            case PHARMACY -> Grain.PHARMACY;
            case DRUG -> Grain.DRUG;
            case CATEGORY -> Grain.CATEGORY;
        };
    }

    static Function<StatisticsQueries.Daily, String> keyOf(StatisticsFilter.GroupBy groupBy) {
        return switch (groupBy) {
            case DAY -> row -> row.day().toString();
            case DISTRICT -> StatisticsQueries.Daily::districtCode;
            default -> StatisticsQueries.Daily::itemKey;
        };
    }
}
