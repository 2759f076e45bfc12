package com.cogov.api.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code pharmacy_pharmacist} table (V11_5). Times as decimal epoch seconds, as {@link PharmacyRows} does. */
@Singleton
class PharmacistRows {

    private static final String SELECT = "SELECT id, pharmacy_id, name, license_number,"
            + " UNIX_TIMESTAMP(on_duty_until) AS until FROM pharmacy_pharmacist";

    private final JdbcOperations jdbc;

    PharmacistRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<LicensedPharmacist> ofPharmacy(long pharmacyId) {
        return rows(SELECT + " WHERE pharmacy_id = ? ORDER BY id", pharmacyId);
    }

    /** The whole register (a few per pharmacy): what the public search keeps a copy of. */
    List<LicensedPharmacist> all() {
        return rows(SELECT + " ORDER BY pharmacy_id, id");
    }

    /** The pharmacist, if on this pharmacy's register, locked until the transaction ends. */
    Optional<LicensedPharmacist> lock(long pharmacyId, long id) {
        return rows(SELECT + " WHERE id = ? AND pharmacy_id = ? FOR UPDATE", id, pharmacyId).stream()
                .findFirst();
    }

    boolean licenseTaken(String licenseNumber) {
        return jdbc.prepareStatement("SELECT 1 FROM pharmacy_pharmacist WHERE license_number = ?", ps -> {
            ps.setString(1, licenseNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    long insert(long pharmacyId, String name, String licenseNumber) {
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO pharmacy_pharmacist (pharmacy_id, name, license_number) VALUES (?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, pharmacyId);
                ps.setString(2, name);
                ps.setString(3, licenseNumber);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void duty(long id, @Nullable Instant until) {
        jdbc.prepareStatement("UPDATE pharmacy_pharmacist SET on_duty_until = FROM_UNIXTIME(?) WHERE id = ?", ps -> {
            ps.setObject(1, until == null ? null : PharmacyRows.seconds(until));
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    private List<LicensedPharmacist> rows(String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<LicensedPharmacist> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new LicensedPharmacist(
                            rs.getLong("id"),
                            rs.getLong("pharmacy_id"),
                            rs.getString("name"),
                            rs.getString("license_number"),
                            until(rs)));
                }
            }
            return found;
        });
    }

    private static @Nullable Instant until(ResultSet rs) throws SQLException {
        return rs.getBigDecimal("until") == null ? null : PharmacyRows.instant(rs, "until");
    }
}
