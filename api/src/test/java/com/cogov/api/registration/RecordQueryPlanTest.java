package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.paging.Cursor;
import com.cogov.contracts.registration.RegistrationView;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The regulator's two lists stay index-backed at city scale for EVERY combination of their filters (2^9 of them, and
 * each with a cursor): EXPLAIN on the real database, after loading enough rows that the optimiser would rather scan.
 * The driving table reads the index chosen for the most selective filter, by a range; no table is ever scanned.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordQueryPlanTest implements DevServicesTest {

    private static final String BUYER = "c".repeat(64);
    private static final String SEALED = "v1:plan";

    @BeforeAll
    void loadTwentyThousandRegistrationsWithTheirItems() throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("""
                INSERT INTO registration (pharmacy_id, district_code, clerk_id, sold_at, buyer_document_type, buyer_number_sealed,
                    buyer_number_index, buyer_name_sealed, number, warnings) VALUES (?,?,?,?,?,?,?,?,?,?)""")) {
            Instant now = Instant.now();
            String[] districts = {"420102", "420103", "420104", "420105", "420106", "420107", "420111"};
            for (int i = 0; i < 20_000; i++) {
                ps.setLong(1, 1 + i % 60);
                ps.setString(2, districts[i % districts.length]);
                ps.setLong(3, 100 + i % 120);
                ps.setTimestamp(4, Timestamp.from(now.minus(i % 4000, ChronoUnit.HOURS)));
                ps.setString(5, "RESIDENT_ID");
                ps.setString(6, SEALED);
                ps.setString(7, i % 500 == 0 ? BUYER : String.format("%063xc", i));
                ps.setString(8, SEALED);
                ps.setString(9, String.format("DJ20250101%010d", i));
                ps.setString(10, i % 50 == 0 ? "VELOCITY_24H" : null);
                ps.addBatch();
            }
            ps.executeBatch();
            c.createStatement()
                    .executeUpdate("INSERT INTO registration_item (registration_id, drug_id, special_category_code,"
                            + " quantity, batch_number, sold_at, pharmacy_id, district_code) SELECT id, 1 + id % 38,"
                            + " IF(id % 38 < 24, 'EPHEDRINE_COMPOUND', 'CODEINE_ORAL_LIQUID'), 1, 'B1', sold_at,"
                            + " pharmacy_id, district_code FROM registration WHERE buyer_number_sealed = '" + SEALED
                            + "'");
            // Voids are rare (1 in 200 here): with none at all the optimiser reads the empty table whole, as it may.
            c.createStatement()
                    .executeUpdate("INSERT INTO registration_void (registration_id, voided_by, reason) SELECT id, 1,"
                            + " 'plan' FROM registration WHERE buyer_number_sealed = '" + SEALED
                            + "' AND id % 200 = 0");
            c.createStatement().execute("ANALYZE TABLE registration, registration_item, registration_void");
        }
    }

    /** Other tests of this JVM read the city's records: these rows have no real sealed buyer to show. */
    @AfterAll
    void removeThem() throws Exception {
        try (Connection c = devServices().openConnection()) {
            c.createStatement().executeUpdate("DELETE FROM registration_void WHERE reason = 'plan'");
            c.createStatement()
                    .executeUpdate("DELETE i FROM registration_item i JOIN registration r ON r.id = i.registration_id"
                            + " WHERE r.buyer_number_sealed = '" + SEALED + "'");
            c.createStatement().executeUpdate("DELETE FROM registration WHERE buyer_number_sealed = '" + SEALED + "'");
        }
    }

    @Test
    void everyCombinationOfTheSaleFiltersReadsTheMostSelectiveIndexByARange() throws Exception {
        for (int mask = 0; mask < 1 << 9; mask++) {
            for (Cursor after : new Cursor[] {null, new Cursor(Instant.now().minus(3, ChronoUnit.DAYS), 12345)}) {
                RecordCriteria c = criteria(mask);
                String expected = has(mask, BUYER_BIT)
                        ? "ix_registration_buyer_time"
                        : has(mask, PHARMACY_BIT)
                                ? "ix_registration_pharmacy_time"
                                : has(mask, DISTRICT_BIT) ? "ix_registration_district_time" : "ix_registration_time";
                assertThat(plan(RecordSearch.sales(c, after, 51), "r"))
                        .as("sales, filters %s", c)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void everyCombinationOfTheItemFiltersReadsTheMostSelectiveIndexByARange() throws Exception {
        for (int mask = 0; mask < 1 << 9; mask++) {
            for (Cursor after : new Cursor[] {null, new Cursor(Instant.now().minus(3, ChronoUnit.DAYS), 12345)}) {
                RecordCriteria c = criteria(mask);
                String expected = has(mask, BUYER_BIT)
                        ? "ix_registration_buyer_time"
                        : has(mask, PHARMACY_BIT)
                                ? "ix_registration_item_pharmacy_time"
                                : has(mask, DRUG_BIT)
                                        ? "ix_registration_item_drug_time"
                                        : has(mask, DISTRICT_BIT)
                                                ? "ix_registration_item_district_time"
                                                : has(mask, CATEGORY_BIT)
                                                        ? "ix_registration_item_category_time"
                                                        : "ix_registration_item_time";
                assertThat(plan(RecordSearch.items(c, after, 51), has(mask, BUYER_BIT) ? "r" : "i"))
                        .as("items, filters %s", c)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aSaleIsFoundByItsNumberAnywhereAndItsAlertsByTheBuyer() throws Exception {
        assertThat(plan(new RecordSearch.Sql(RecordReads.BY_NUMBER, List.of("DJ202501010000012345")), "r"))
                .isEqualTo("uk_registration_number");
        assertThat(plan(new RecordSearch.Sql(RecordReads.ALERTS, List.of(BUYER, 1L)), "rule_alert"))
                .isEqualTo("ix_rule_alert_buyer");
    }

    private static final int DISTRICT_BIT = 0;
    private static final int PHARMACY_BIT = 1;
    private static final int DRUG_BIT = 2;
    private static final int CATEGORY_BIT = 3;
    private static final int CLERK_BIT = 4;
    private static final int STATUS_BIT = 5;
    private static final int WARNING_BIT = 6;
    private static final int MINOR_BIT = 7;
    private static final int BUYER_BIT = 8;

    private static boolean has(int mask, int bit) {
        return (mask & 1 << bit) != 0;
    }

    /** A year's window (the widest allowed) with the filters of the mask's bits. */
    private static RecordCriteria criteria(int mask) {
        Instant to = Instant.now();
        return new RecordCriteria(
                to.minus(366, ChronoUnit.DAYS),
                to,
                has(mask, DISTRICT_BIT) ? "420106" : null,
                has(mask, PHARMACY_BIT) ? 5L : null,
                has(mask, DRUG_BIT) ? 7L : null,
                has(mask, CATEGORY_BIT) ? "EPHEDRINE_COMPOUND" : null,
                has(mask, CLERK_BIT) ? 105L : null,
                has(mask, STATUS_BIT) ? RegistrationView.Status.ACTIVE : null,
                has(mask, WARNING_BIT) ? (mask % 3 == 0 ? RecordFilter.ANY_WARNING : "VELOCITY_24H") : null,
                has(mask, MINOR_BIT),
                has(mask, BUYER_BIT) ? BUYER : null);
    }

    /** The index the plan reads for {@code table}; fails when any table of the plan is scanned in full. */
    private String plan(RecordSearch.Sql sql, String table) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                ps.setObject(i + 1, sql.parameters().get(i));
            }
            List<String> rows = new ArrayList<>();
            String key = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString("table") + " type=" + rs.getString("type") + " key=" + rs.getString("key"));
                    if (table.equals(rs.getString("table")) && key == null) {
                        key = rs.getString("key");
                    }
                }
            }
            assertThat(rows).as("plan of %s", sql.text()).noneMatch(r -> r.contains("type=ALL"));
            assertThat(key).as("plan %s", rows).isNotNull();
            return key;
        }
    }
}
