package com.cogov.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.contracts.alert.AlertStatus;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every filter of the worklist reads an index that leads with its column and ends with (created_at, id): checked with
 * EXPLAIN on the real database after loading enough alerts that the optimiser would rather scan than use a needless
 * index, and with no filesort (the index gives the newest-first order).
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertQueryPlanTest implements DevServicesTest {

    private static final PageRequest FIRST = new PageRequest(50, null);

    @BeforeAll
    void loadTwentyThousandAlerts() throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO rule_alert (district_code, pharmacy_id, rule_code, severity, status, detail,"
                                + " created_at) VALUES (?,?,?,?,?,'x',?)")) {
            String[] districts = {"420102", "420103", "420104", "420105", "420106", "420107", "420111"};
            String[] rules = {"PER_SALE_LIMIT", "VELOCITY_24H", "MANY_DISTRICTS", "SPLIT_PURCHASES", "MINOR"};
            Instant now = Instant.now();
            for (int i = 0; i < 20_000; i++) {
                ps.setString(1, districts[i % districts.length]);
                ps.setLong(2, 1 + i % 60);
                ps.setString(3, rules[i % rules.length]);
                ps.setString(4, "WARN");
                ps.setString(5, AlertStatus.values()[i % 4].name());
                ps.setTimestamp(6, Timestamp.from(now.minus(i % 5000, ChronoUnit.HOURS)));
                ps.addBatch();
            }
            ps.executeBatch();
            c.createStatement().execute("ANALYZE TABLE rule_alert");
        }
    }

    private static AlertFilter filter(String district, AlertStatus status, String rule, Long pharmacy) {
        return new AlertFilter(district, status, rule, null, null, pharmacy);
    }

    @Test
    void theCityByTimeUsesTheTimeIndex() throws Exception {
        assertThat(plan(filter(null, null, null, null), FIRST)).isEqualTo("ix_rule_alert_time");
    }

    @Test
    void aDistrictReadsItsOwnAlertsOnly() throws Exception {
        assertThat(plan(filter("420106", null, null, null), FIRST)).startsWith("ix_rule_alert_district");
        assertThat(plan(filter("420106", AlertStatus.OPEN, null, null), FIRST)).startsWith("ix_rule_alert_district");
        PageRequest next = new PageRequest(50, new Cursor(Instant.now().minus(100, ChronoUnit.HOURS), 15_000));
        assertThat(plan(filter("420106", AlertStatus.OPEN, null, null), next)).startsWith("ix_rule_alert_district");
    }

    @Test
    void aPharmacyAndARuleUseTheirIndexes() throws Exception {
        assertThat(plan(filter(null, null, null, 7L), FIRST)).isEqualTo("ix_rule_alert_pharmacy_time");
        assertThat(plan(filter(null, null, "MANY_DISTRICTS", null), FIRST)).isEqualTo("ix_rule_alert_rule_time");
    }

    /** The index the plan uses for table {@code a}; fails on a full scan or a filesort. */
    private String plan(AlertFilter filter, PageRequest page) throws Exception {
        AlertQueries.Sql sql = AlertQueries.listSql(filter, page);
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql.text())) {
            SqlTimes.bind(ps, sql.values());
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String extra = rs.getString("Extra");
                    rows.add(rs.getString("table") + " type=" + rs.getString("type") + " key=" + rs.getString("key")
                            + " extra=" + extra);
                    if ("a".equals(rs.getString("table"))) {
                        assertThat(rs.getString("type")).as("plan %s", rows).isNotEqualTo("ALL");
                        assertThat(extra == null ? "" : extra)
                                .as("plan %s", rows)
                                .doesNotContain("filesort");
                        return rs.getString("key");
                    }
                }
            }
            throw new AssertionError("no plan row for a: " + rows);
        }
    }
}
