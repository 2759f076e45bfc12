package com.cogov.api.pharmacy;

import com.cogov.api.paging.PageRequest;
import com.cogov.contracts.pharmacy.PharmacyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pharmacy} table. Times are read and bound as decimal epoch seconds ({@code UNIX_TIMESTAMP},
 * {@code FROM_UNIXTIME}): Connector/J drops a bound timestamp's fraction on MariaDB, and the list's keyset cursor must
 * compare the exact microsecond a row holds. Every change goes through {@link #lock} first, so that two changes of
 * one pharmacy take turns and each gets the next version.
 */
@Singleton
class PharmacyRows {

    private static final String SELECT = "SELECT id, license_number, credit_code, name, district_code, address,"
            + " latitude, longitude, opening_hours, phone, status, status_reason, version,"
            + " UNIX_TIMESTAMP(created_at) AS created, UNIX_TIMESTAMP(updated_at) AS updated, sells_special_compounds"
            + " FROM pharmacy";

    private final JdbcOperations jdbc;

    PharmacyRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // Reads join the caller's transaction, or open a read-only one: the indexes read pharmacies after a change has
    // committed and on their schedule, outside any transaction.
    @ReadOnly
    Optional<Pharmacy> find(long id) {
        return rows(SELECT + " WHERE id = ?", List.of(id)).stream().findFirst();
    }

    /** The pharmacies of these ids that exist, in no particular order. */
    @ReadOnly
    List<Pharmacy> find(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return rows(
                SELECT + " WHERE id IN (" + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")",
                new ArrayList<>(ids));
    }

    /** Every pharmacy of the city (some 6,400 rows): for rebuilding the indexes derived from them. */
    @ReadOnly
    List<Pharmacy> all() {
        return rows(SELECT, List.of());
    }

    /** The row, locked until the change's transaction ends. */
    Optional<Pharmacy> lock(long id) {
        return rows(SELECT + " WHERE id = ? FOR UPDATE", List.of(id)).stream().findFirst();
    }

    /** The pharmacy holding this licence number, locked (or the gap where it would be) until the transaction ends. */
    Optional<Pharmacy> lockByLicense(String licenseNumber) {
        return rows(SELECT + " WHERE license_number = ? FOR UPDATE", List.of(licenseNumber)).stream()
                .findFirst();
    }

    /** @return the new pharmacy's id */
    long insert(
            String licenseNumber,
            String creditCode,
            String name,
            String districtCode,
            String address,
            BigDecimal latitude,
            BigDecimal longitude,
            @Nullable String openingHours,
            @Nullable String phone) {
        String sql = "INSERT INTO pharmacy (license_number, credit_code, name, district_code, address, latitude,"
                + " longitude, opening_hours, phone, status, version) VALUES (?,?,?,?,?,?,?,?,?,'ACTIVE',1)";
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                bind(ps, new Object[] {
                    licenseNumber, creditCode, name, districtCode, address, latitude, longitude, openingHours, phone
                });
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void updateDetails(Pharmacy p) {
        update(
                "UPDATE pharmacy SET name = ?, address = ?, latitude = ?, longitude = ?, opening_hours = ?, phone = ?,"
                        + " version = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                p.name(),
                p.address(),
                p.latitude(),
                p.longitude(),
                p.openingHours(),
                p.phone(),
                p.version(),
                p.id());
    }

    void updateDistrict(long id, String districtCode, int version) {
        update(
                "UPDATE pharmacy SET district_code = ?, version = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                districtCode,
                version,
                id);
    }

    void updateStatus(long id, PharmacyStatus status, String reason, int version) {
        update(
                "UPDATE pharmacy SET status = ?, status_reason = ?, status_changed_at = CURRENT_TIMESTAMP(6),"
                        + " version = ?, updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?",
                status.name(),
                reason,
                version,
                id);
    }

    /**
     * A page of the regulators' list, newest first on (created_at, id). The district, when given, leads the index
     * ({@code ix_pharmacy_district_created}); status and the text are checked on the rows of that range. A text
     * matches the pharmacies the search piece found by name ({@code named}), or an address or licence number holding
     * it: the city holds some 6,400 pharmacies, so the substring reads at most those rows.
     */
    List<Pharmacy> list(
            @Nullable String districtCode,
            @Nullable PharmacyStatus status,
            @Nullable String text,
            List<Long> named,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (districtCode != null) {
            where.add("district_code = ?");
            values.add(districtCode);
        }
        if (status != null) {
            where.add("status = ?");
            values.add(status.name());
        }
        if (text != null) {
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            String byName = named.isEmpty()
                    ? ""
                    : "id IN (" + String.join(",", java.util.Collections.nCopies(named.size(), "?")) + ") OR ";
            where.add("(" + byName + "address LIKE ? OR license_number LIKE ?)");
            values.addAll(named);
            values.add(like);
            values.add(like);
        }
        if (page.after() != null) {
            where.add("(created_at < FROM_UNIXTIME(?) OR (created_at = FROM_UNIXTIME(?) AND id < ?))");
            values.add(page.after().at());
            values.add(page.after().at());
            values.add(page.after().id());
        }
        values.add(page.fetchSize());
        return rows(
                SELECT + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                values);
    }

    private List<Pharmacy> rows(String sql, List<Object> values) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, values.toArray());
            List<Pharmacy> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Pharmacy(
                            rs.getLong("id"),
                            rs.getString("license_number"),
                            rs.getString("credit_code"),
                            rs.getString("name"),
                            rs.getString("district_code"),
                            rs.getString("address"),
                            rs.getBigDecimal("latitude"),
                            rs.getBigDecimal("longitude"),
                            rs.getString("opening_hours"),
                            rs.getString("phone"),
                            PharmacyStatus.valueOf(rs.getString("status")),
                            rs.getString("status_reason"),
                            rs.getInt("version"),
                            instant(rs, "created"),
                            instant(rs, "updated"),
                            rs.getBoolean("sells_special_compounds")));
                }
            }
            return rows;
        });
    }

    private void update(String sql, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, values);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i] instanceof Instant t ? seconds(t) : values[i]);
        }
    }

    static BigDecimal seconds(Instant instant) {
        return com.cogov.api.shared.EpochSeconds.of(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return com.cogov.api.shared.EpochSeconds.instant(rs, column);
    }
}
