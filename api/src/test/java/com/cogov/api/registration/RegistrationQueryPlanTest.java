package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.paging.PageRequest;
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
 * At ~120 M rows a year, the three read paths must stay index-backed: a pharmacy's records by time, a district's by
 * time, and a buyer's across the city through the blind index. Checked with EXPLAIN on the real database, after
 * loading enough rows that the optimiser would rather scan than use a needless index.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationQueryPlanTest implements DevServicesTest {

    private static final String BUYER = "b".repeat(64);

    @BeforeAll
    void loadTwentyThousandRegistrationsWithTheirItems() throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("""
                INSERT INTO registration (pharmacy_id, district_code, clerk_id, sold_at, buyer_document_type, buyer_number_sealed,
                    buyer_number_index, buyer_name_sealed, number) VALUES (?,?,?,?,?,?,?,?,?)""")) {
            Instant now = Instant.now();
            String[] districts = {"420102", "420103", "420104", "420105", "420106", "420107", "420111"};
            for (int i = 0; i < 20_000; i++) {
                ps.setLong(1, 1 + i % 60);
                ps.setString(2, districts[i % districts.length]);
                ps.setLong(3, 1);
                ps.setTimestamp(4, Timestamp.from(now.minus(i % 2000, ChronoUnit.HOURS)));
                ps.setString(5, "RESIDENT_ID");
                ps.setString(6, "v1:x");
                ps.setString(7, i % 500 == 0 ? BUYER : String.format("%064x", i));
                ps.setString(8, "v1:y");
                ps.setString(9, String.format("DJ20260101%010d", i));
                ps.addBatch();
            }
            ps.executeBatch();
            c.createStatement()
                    .executeUpdate("INSERT INTO registration_item (registration_id, drug_id, special_category_code,"
                            + " quantity, batch_number, sold_at, pharmacy_id, district_code) SELECT id, 1 + id % 38,"
                            + " IF(id % 38 < 24, 'EPHEDRINE_COMPOUND', 'CODEINE_ORAL_LIQUID'), 1, 'B1', sold_at,"
                            + " pharmacy_id, district_code FROM registration");
            c.createStatement().execute("ANALYZE TABLE registration, registration_item");
        }
    }

    @Test
    void aPharmacysListingUsesThePharmacyTimeIndex() throws Exception {
        String sql = listing(null);
        assertThat(plan(sql, 7L, ago(30), ago(0), 21)).isEqualTo("ix_registration_pharmacy_time");
    }

    @Test
    void aBuyersHistoryAtOnePharmacyReadsOnlyThatBuyersRows() throws Exception {
        // The pharmacy's index would read every sale of the pharmacy in the window (22,000 at a busy one in 91 days).
        String byBuyer = listing(BUYER);
        assertThat(plan(byBuyer, 7L, ago(30), ago(0), BUYER, 21)).isEqualTo("ix_registration_buyer_time");
    }

    @Test
    void aDistrictsRecordsByTimeUseTheDistrictTimeIndex() throws Exception {
        assertThat(plan(
                        "SELECT r.id FROM registration r WHERE r.district_code = ? AND r.sold_at >= ? AND r.sold_at < ?"
                                + " ORDER BY r.sold_at DESC LIMIT 50",
                        "420106",
                        ago(7),
                        ago(0)))
                .isEqualTo("ix_registration_district_time");
    }

    @Test
    void aBuyersCityWideHistoryUsesTheBlindIndex() throws Exception {
        // What a sale reads before the velocity rule, with a trace code to check: the buyer's purchases by the blind
        // index.
        assertThat(plan(
                        PurchaseHistory.earlierSql(2, 1),
                        BUYER,
                        ago(8),
                        "EPHEDRINE_COMPOUND",
                        "CODEINE_ORAL_LIQUID",
                        "12345678901234567890"))
                .isEqualTo("ix_registration_buyer_time");
    }

    @Test
    void aRegistrationIsFoundByItsNumberThroughItsUniqueKey() throws Exception {
        String byNumber = RegistrationReads.BY_NUMBER;
        // row 12345 of the load above: pharmacy 1 + 12345 % 60
        assertThat(plan(byNumber, "DJ202601010000012345", 46L)).isEqualTo("uk_registration_number");
    }

    /** The listing's statement, with no filter but the buyer's when one is given. */
    private static String listing(String buyerIndex) {
        return RegistrationSearch.sql(new RegistrationSearch.Criteria(
                        7L, Instant.now(), Instant.now(), buyerIndex, null, null, null, PageRequest.of(20, null)))
                .text();
    }

    /** The index the plan uses for table {@code r}; fails on a full scan. */
    private String plan(String sql, Object... parameters) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString("table") + " type=" + rs.getString("type") + " key=" + rs.getString("key"));
                    if ("r".equals(rs.getString("table"))) {
                        assertThat(rs.getString("type")).as("plan %s", rows).isNotEqualTo("ALL");
                        return rs.getString("key");
                    }
                }
            }
            throw new AssertionError("no plan row for r: " + rows);
        }
    }

    private static Timestamp ago(int days) {
        return Timestamp.from(Instant.now().minus(days, ChronoUnit.DAYS));
    }
}
