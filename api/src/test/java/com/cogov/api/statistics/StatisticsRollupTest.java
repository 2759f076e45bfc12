package com.cogov.api.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.statistics.StatisticsTable;
import com.cogov.infra.dev.DevServicesTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rollup job against the real database: registrations written straight into the tables (as the load harness and
 * demo data do), counted by the job, read back through the port the alert detection uses. Each test uses its own
 * pharmacy ids and a day of its own, far ahead, so the other tests' sales do not mix in.
 */
@MicronautTest(startApplication = false, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsRollupTest implements DevServicesTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    RollupBatch batch;

    @Inject
    DailyBuyers dailyBuyers;

    @Inject
    StatisticsService statistics;

    @Test
    void countsDistinctBuyersPerPharmacyCategoryAndChinaDayAndTakesAVoidedBuyerOut() throws Exception {
        LocalDate day = LocalDate.of(2031, 5, 1);
        // 23:30 China time on the 1st is 15:30 UTC: still the 1st in the city
        Instant lateEvening = day.atTime(23, 30).atZone(CHINA).toInstant();
        long first = insertSale(9101, "420106", lateEvening, "a1", null);
        insertSale(9101, "420106", lateEvening, "a1", null); // the same buyer again: one buyer
        insertSale(9101, "420106", lateEvening, "a2", null);
        insertSale(9101, "420106", day.plusDays(1).atStartOfDay(CHINA).toInstant(), "a3", null); // the 2nd
        long voided = insertSale(9102, "420103", lateEvening, "a4", null);
        catchUp();

        assertThat(buyers(day, null))
                .containsExactlyInAnyOrder(
                        new DailyBuyers.PharmacyDay(day, 9101, "420106", "EPHEDRINE_COMPOUND", 2),
                        new DailyBuyers.PharmacyDay(day, 9102, "420103", "EPHEDRINE_COMPOUND", 1));
        assertThat(buyers(day, "420106")).hasSize(1);
        assertThat(buyers(day.plusDays(1), null))
                .extracting(DailyBuyers.PharmacyDay::distinctBuyers)
                .containsExactly(1);

        execute("INSERT INTO registration_void (registration_id, voided_by, reason) VALUES (" + voided + ", 1, 'x')");
        execute("INSERT INTO registration_void (registration_id, voided_by, reason) VALUES (" + first + ", 1, 'x')");
        catchUp();
        catchUp(); // running again counts nothing twice
        assertThat(buyers(day, null))
                .as("a4's only sale is voided; a1 still has one")
                .containsExactly(new DailyBuyers.PharmacyDay(day, 9101, "420106", "EPHEDRINE_COMPOUND", 2));
    }

    @Test
    void aSaleVisibleBeforeALowerIdIsCountedOnceAndTheLowerOneToo() throws Exception {
        LocalDate day = LocalDate.of(2031, 6, 1);
        Instant noon = day.atTime(12, 0).atZone(CHINA).toInstant();
        long high = insertSale(9201, "420106", noon, "b1", 10_000_000L); // a higher id commits first
        catchUp();
        assertThat(buyers(day, null))
                .extracting(DailyBuyers.PharmacyDay::distinctBuyers)
                .containsExactly(1);
        insertSale(9201, "420106", noon, "b2", high - 1); // the lower id becomes visible later
        catchUp();
        catchUp();
        assertThat(buyers(day, null))
                .extracting(DailyBuyers.PharmacyDay::distinctBuyers)
                .containsExactly(2);
    }

    @Test
    void aRefusedSaleCountsAsABlockAndASaleOfTheSameDayIsStillCounted() throws Exception {
        LocalDate day = LocalDate.of(2031, 7, 1);
        Instant morning = day.atTime(9, 0).atZone(CHINA).toInstant();
        execute("INSERT INTO rule_alert (district_code, pharmacy_id, buyer_number_index, rule_code, severity,"
                + " category_code, detail, created_at) VALUES ('420106', 9301, '" + "c1".repeat(32)
                + "', 'MINOR', 'BLOCK', 'EPHEDRINE_COMPOUND', 'x', '" + Timestamp.from(morning) + "')");
        catchUp();
        insertSale(9301, "420106", morning.plusSeconds(60), "c2", null);
        catchUp();

        Actor admin = new Actor(1L, Role.CITY_ADMIN, null, null, null, null, null);
        StatisticsTable table = statistics.registrations(
                admin, Map.of("groupBy", "pharmacy", "from", day.toString(), "to", day.toString()));
        assertThat(table.rows())
                .filteredOn(r -> r.key().equals("9301"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.blocks()).isEqualTo(1);
                    assertThat(r.sales()).isEqualTo(1);
                    assertThat(r.packages()).isEqualTo(2);
                    assertThat(r.distinctBuyers()).isEqualTo(1);
                });
        assertThat(table.totals().blocks()).isEqualTo(1);
    }

    private List<DailyBuyers.PharmacyDay> buyers(LocalDate day, String district) {
        return dailyBuyers.between(day, day, district).stream()
                .filter(d -> d.pharmacyId() > 9000)
                .toList();
    }

    /**
     * Runs the job's steps here, to the end. The scheduler's run may be counting at the same time (other tests' sales):
     * each step locks its cursor row, so the two take turns and count nothing twice.
     */
    private void catchUp() {
        while (batch.countSales(Instant.now())) {
            // a full batch: more to count
        }
        while (batch.countBlocks(Instant.now())) {
            // likewise
        }
        while (batch.countVoids()) {
            // likewise
        }
    }

    private long insertSale(long pharmacy, String district, Instant soldAt, String buyer, Long id) throws Exception {
        try (Connection c = devServices().openConnection();
                PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO registration (" + (id == null ? "" : "id, ")
                                + "pharmacy_id, district_code, clerk_id, sold_at, buyer_document_type,"
                                + " buyer_number_sealed, buyer_number_index, buyer_name_sealed, number) VALUES ("
                                + (id == null ? "" : id + ", ") + "?,?,1,?,'RESIDENT_ID','v1:x',?,'v1:y',?)",
                        PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, pharmacy);
            ps.setString(2, district);
            ps.setTimestamp(3, Timestamp.from(soldAt));
            ps.setString(4, buyer.repeat(32));
            ps.setString(5, "ST" + System.nanoTime() % 1_000_000_000_000_000L);
            ps.executeUpdate();
            long registration;
            try (var keys = ps.getGeneratedKeys()) {
                keys.next();
                registration = keys.getLong(1);
            }
            try (var stmt = c.createStatement()) {
                stmt.executeUpdate("INSERT INTO registration_item (registration_id, drug_id, special_category_code,"
                        + " quantity, batch_number, sold_at, pharmacy_id, district_code) SELECT id, 1,"
                        + " 'EPHEDRINE_COMPOUND', 2, 'B1', sold_at, pharmacy_id, district_code FROM registration"
                        + " WHERE id = " + registration);
            }
            return registration;
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = devServices().openConnection();
                var stmt = c.createStatement()) {
            stmt.executeUpdate(sql);
        }
    }
}
