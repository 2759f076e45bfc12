package com.cogov.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A statistics request costs the same at 10 M sales as at 1 M: none of its statements reads the registration tables,
 * and each reads the rollup through its primary key or an index, never a scan. Checked with EXPLAIN on the real
 * database after loading enough rollup rows that the optimiser would rather scan than use a needless index. The rollup
 * job's own reads of the counter's tables are bounded index ranges too.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsQueryPlanTest implements DevServicesTest {

    private static final LocalDate FIRST = LocalDate.of(2029, 1, 1);
    private static final List<String> COUNTER_TABLES =
            List.of("registration", "registration_item", "registration_trace_code", "r", "i");

    @BeforeAll
    void loadAYearOfRollupRows() throws Exception {
        String[] districts = {"420102", "420103", "420104", "420105", "420106", "420107", "420111"};
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO statistics_daily (grain, district_code,"
                        + " day, item_key, pharmacy_id, drug_id, category_code, sales) VALUES (?,?,?,?,?,?,?,1)")) {
            for (int d = 0; d < 365; d++) {
                Date day = Date.valueOf(FIRST.plusDays(d));
                for (int p = 0; p < 50; p++) {
                    String district = districts[p % districts.length];
                    row(ps, "PHARMACY", district, day, String.valueOf(8000 + p), 8000L + p, null, null);
                    row(ps, "DRUG", district, day, String.valueOf(p), null, (long) p, "EPHEDRINE_COMPOUND");
                }
                for (String district : districts) {
                    row(ps, "DISTRICT", district, day, "", null, null, null);
                }
                row(ps, "CITY", "420100", day, "", null, null, null);
            }
            ps.executeBatch();
            c.createStatement().execute("ANALYZE TABLE statistics_daily, rule_alert, pharmacy");
        }
    }

    @Test
    void aDistrictsRowsAreAPrimaryKeyRange() throws Exception {
        assertThat(plan(StatisticsQueries.IN_DISTRICT, "PHARMACY", "420106", FIRST, FIRST.plusDays(30)))
                .containsEntry("s", "PRIMARY");
        assertThat(plan(StatisticsQueries.IN_DISTRICT, "CITY", "420100", FIRST, FIRST.plusDays(365)))
                .containsEntry("s", "PRIMARY");
    }

    @Test
    void theCitysRowsOfAGrainUseTheGrainDayIndex() throws Exception {
        assertThat(plan(StatisticsQueries.IN_CITY, "DISTRICT", FIRST, FIRST.plusDays(30)))
                .containsEntry("s", "ix_statistics_daily_city");
    }

    @Test
    void openAlertsByRuleAreCountedOnAnIndexRange() throws Exception {
        assertThat(plan(StatisticsQueries.OPEN_ALERTS_CITY)).containsEntry("rule_alert", "ix_rule_alert_open_rule");
        assertThat(plan(StatisticsQueries.OPEN_ALERTS_DISTRICT, "420106"))
                .containsEntry("rule_alert", "ix_rule_alert_open_rule");
    }

    @Test
    void dormantPharmaciesLookUpEachPharmacysLastDayInTheIndex() throws Exception {
        assertThat(plan(StatisticsQueries.DORMANT_CITY, FIRST, FIRST))
                .containsEntry("s", "ix_statistics_daily_pharmacy");
        assertThat(plan(StatisticsQueries.DORMANT_DISTRICT, FIRST, "420106", FIRST))
                .containsEntry("s", "ix_statistics_daily_pharmacy");
    }

    /** The index each table of the plan uses; fails on a full scan of the rollup or any read of the counter's tables. */
    private java.util.Map<String, String> plan(String sql, Object... parameters) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                ps.setObject(i + 1, p instanceof LocalDate d ? Date.valueOf(d) : p);
            }
            java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString("table");
                    rows.add(table + " type=" + rs.getString("type") + " key=" + rs.getString("key"));
                    assertThat(COUNTER_TABLES).as("plan %s", rows).doesNotContain(table);
                    if (!"p".equals(table)) { // the pharmacy table itself: 6,400 rows at most, read once
                        assertThat(rs.getString("type")).as("plan %s", rows).isNotEqualTo("ALL");
                    }
                    if (table != null) {
                        keys.put(table, rs.getString("key"));
                    }
                }
            }
            return keys;
        }
    }

    private static void row(
            PreparedStatement ps,
            String grain,
            String district,
            Date day,
            String item,
            Long pharmacy,
            Long drug,
            String category)
            throws Exception {
        ps.setString(1, grain);
        ps.setString(2, district);
        ps.setDate(3, day);
        ps.setString(4, item);
        ps.setObject(5, pharmacy);
        ps.setObject(6, drug);
        ps.setString(7, category);
        ps.addBatch();
    }
}
