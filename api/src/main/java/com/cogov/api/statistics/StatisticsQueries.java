package com.cogov.api.statistics;

import com.cogov.contracts.statistics.StatisticsOverview;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Every read of a statistics request, in plain SQL over the rollup and the small reference tables (districts,
 * pharmacies, drugs, categories): never the registration tables, so a request costs the same at 10 M sales as at 1 M.
 * The rollup is read by its primary key (grain, district, day) for one district, or its (grain, day) index for the
 * city; StatisticsQueryPlanTest checks each statement's plan.
 */
@Singleton
class StatisticsQueries {

    static final String COLUMNS = "s.district_code, s.day, s.item_key, s.sales, s.packages, s.warnings, s.blocks,"
            + " s.voids, s.distinct_buyers, s.buyers FROM statistics_daily s";
    static final String IN_DISTRICT =
            "SELECT " + COLUMNS + " WHERE s.grain = ? AND s.district_code = ? AND s.day BETWEEN ? AND ?";
    static final String IN_CITY = "SELECT " + COLUMNS + " WHERE s.grain = ? AND s.day BETWEEN ? AND ?";
    static final String OPEN_ALERTS_CITY =
            "SELECT rule_code, COUNT(*) FROM rule_alert WHERE status = 'OPEN' GROUP BY rule_code ORDER BY rule_code";
    static final String OPEN_ALERTS_DISTRICT = "SELECT rule_code, COUNT(*) FROM rule_alert WHERE status = 'OPEN'"
            + " AND district_code = ? GROUP BY rule_code ORDER BY rule_code";
    /** Active pharmacies whose last rollup day (an index lookup per pharmacy) is before the window, or none. */
    static final String DORMANT = "SELECT p.id, p.name, p.district_code, (SELECT MAX(s.day) FROM statistics_daily s"
            + " WHERE s.pharmacy_id = p.id AND s.day <= ?) AS last_day FROM pharmacy p WHERE p.status = 'ACTIVE'";

    static final String DORMANT_CITY = DORMANT + " HAVING last_day IS NULL OR last_day < ? ORDER BY p.id";
    static final String DORMANT_DISTRICT =
            DORMANT + " AND p.district_code = ? HAVING last_day IS NULL OR last_day < ? ORDER BY p.id";

    /** One rollup row as read. */
    record Daily(
            String districtCode,
            LocalDate day,
            String itemKey,
            long sales,
            long packages,
            long warnings,
            long blocks,
            long voids,
            long distinctBuyers,
            @Nullable byte[] buyers) {}

    private final JdbcOperations jdbc;

    StatisticsQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Streams the rows of one grain in the scope and days, without holding them. */
    @ReadOnly
    void rows(Grain grain, @Nullable String districtCode, LocalDate from, LocalDate to, Consumer<Daily> sink) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(grain.name());
        if (districtCode != null) {
            parameters.add(districtCode);
        }
        parameters.add(from);
        parameters.add(to);
        jdbc.prepareStatement(districtCode != null ? IN_DISTRICT : IN_CITY, ps -> {
            Sql.bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Daily(
                            rs.getString(1),
                            rs.getDate(2).toLocalDate(),
                            rs.getString(3),
                            rs.getLong(4),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getLong(7),
                            rs.getLong(8),
                            rs.getLong(9),
                            rs.getBytes(10)));
                }
            }
            return null;
        });
    }

    /** Sales of one pharmacy on the days from..to (both inclusive), not voided: its PHARMACY rows. */
    @ReadOnly
    long pharmacySales(long pharmacyId, LocalDate from, LocalDate to) {
        return Sql.list(
                        jdbc,
                        "SELECT COALESCE(SUM(sales), 0) FROM statistics_daily"
                                + " WHERE pharmacy_id = ? AND day BETWEEN ? AND ? AND grain = 'PHARMACY'",
                        List.of(pharmacyId, from, to),
                        rs -> rs.getLong(1))
                .get(0);
    }

    @ReadOnly
    Map<String, String> districtNames() {
        Map<String, String> names = new HashMap<>();
        Sql.list(jdbc, "SELECT code, name FROM district WHERE level = 'DISTRICT'", List.of(), rs -> {
            names.put(rs.getString(1), rs.getString(2));
            return null;
        });
        return names;
    }

    @ReadOnly
    Map<String, String> categoryNames() {
        Map<String, String> names = new HashMap<>();
        Sql.list(jdbc, "SELECT code, name FROM special_category", List.of(), rs -> {
            names.put(rs.getString(1), rs.getString(2));
            return null;
        });
        return names;
    }

    /** Names of pharmacies or drugs by id, by primary key, a thousand ids a statement. */
    @ReadOnly
    Map<String, String> names(String table, Collection<String> ids) {
        if (!table.equals("pharmacy") && !table.equals("drug")) {
            throw new IllegalArgumentException(table);
        }
        Map<String, String> names = new HashMap<>();
        List<Long> all = ids.stream().map(Long::valueOf).toList();
        for (int start = 0; start < all.size(); start += 1000) {
            List<Long> chunk = all.subList(start, Math.min(all.size(), start + 1000));
            Sql.list(
                    jdbc,
                    "SELECT id, name FROM " + table + " WHERE id IN (" + Sql.marks(chunk.size()) + ")",
                    chunk,
                    rs -> {
                        names.put(String.valueOf(rs.getLong(1)), rs.getString(2));
                        return null;
                    });
        }
        return names;
    }

    @ReadOnly
    List<StatisticsOverview.RuleCount> openAlerts(@Nullable String districtCode) {
        return Sql.list(
                jdbc,
                districtCode == null ? OPEN_ALERTS_CITY : OPEN_ALERTS_DISTRICT,
                districtCode == null ? List.of() : List.of(districtCode),
                rs -> new StatisticsOverview.RuleCount(rs.getString(1), rs.getLong(2)));
    }

    /** Active pharmacies with no rollup row in [since, date]: their count, and the first {@code listed}. */
    @ReadOnly
    StatisticsOverview.DormantPharmacies dormant(
            @Nullable String districtCode, LocalDate since, LocalDate date, int listed) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(date);
        if (districtCode != null) {
            parameters.add(districtCode);
        }
        parameters.add(since);
        List<StatisticsOverview.DormantPharmacy> items = new ArrayList<>();
        long[] count = {0};
        Sql.list(jdbc, districtCode == null ? DORMANT_CITY : DORMANT_DISTRICT, parameters, rs -> {
            if (count[0]++ < listed) {
                java.sql.Date last = rs.getDate(4);
                items.add(new StatisticsOverview.DormantPharmacy(
                        rs.getLong(1), rs.getString(2), rs.getString(3), last == null ? null : last.toLocalDate()));
            }
            return null;
        });
        return new StatisticsOverview.DormantPharmacies(count[0], items);
    }
}
