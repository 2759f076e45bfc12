package com.cogov.api.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cogov.infra.dev.DevServicesTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The numbers given out before they were random are printed on receipts: the migration that stores numbers keeps each
 * one as it was (DJ, the China date recorded, the id in ten digits), on a schema of its own in the test database server.
 */
class RegistrationNumberMigrationTest implements DevServicesTest {

    @Test
    void registrationsRecordedBeforeKeepTheNumbersTheyWereGiven() throws Exception {
        String url = devServices()
                .jdbcUrl()
                .replaceFirst(
                        "/cogov\\?",
                        "/cogov_numbers_" + UUID.randomUUID().toString().substring(0, 8) + "?");
        Flyway.configure()
                .dataSource(url, "root", "")
                .locations("classpath:db/migration")
                .target("5.2")
                .load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url, "root", "");
                Statement s = c.createStatement()) {
            // 16:30 UTC is 00:30 the next day in China; ids past ten digits do not occur
            s.executeUpdate(
                    "INSERT INTO registration (id, pharmacy_id, district_code, clerk_id, sold_at, recorded_at,"
                            + " buyer_document_type, buyer_number_sealed, buyer_number_index, buyer_name_sealed) VALUES"
                            + " (123, 1, '420106', 1, '2026-11-21 16:29:00', '2026-11-21 16:30:00', 'RESIDENT_ID', 'v1:x', 'i', 'v1:y'),"
                            + " (124, 1, '420106', 1, '2026-11-21 08:00:00', '2026-11-21 08:00:00', 'RESIDENT_ID', 'v1:x', 'i', 'v1:y')");

            Flyway.configure()
                    .dataSource(url, "root", "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();

            ResultSet rs = s.executeQuery("SELECT id, number FROM registration ORDER BY id");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("DJ202611220000000123");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(2)).isEqualTo("DJ202611210000000124");
            assertThatThrownBy(() ->
                            s.executeUpdate("UPDATE registration SET number = 'DJ202611220000000123' WHERE id = 124"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class);
            s.execute("DROP DATABASE " + c.getCatalog());
        }
    }
}
