package com.cogov.api.crossborder;

import com.cogov.api.shared.DuplicateKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table {@code cross_border_pharmacist}, read with the practising pharmacy's name and address (one join, as the
 * alert queries read pharmacies). Lists go by id, newest first; a search matches the folded names and licence number.
 */
@Singleton
class PharmacistStore {

    /** The fields the bureau sets. */
    record Fields(
            String nameZh,
            String namePt,
            String licenseNumber,
            long pharmacyId,
            LocalDate validFrom,
            LocalDate validTo) {

        String searchText() {
            return Folding.fold(nameZh + " " + namePt + " " + licenseNumber);
        }
    }

    private final JdbcOperations jdbc;

    PharmacistStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Fields f) {
        String sql = "INSERT INTO cross_border_pharmacist (name_zh, name_pt, license_number, pharmacy_id, valid_from,"
                + " valid_to, search_text) VALUES (?,?,?,?,?,?,?)";
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, f);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    void update(long id, Fields f) {
        String sql = "UPDATE cross_border_pharmacist SET name_zh = ?, name_pt = ?, license_number = ?, pharmacy_id = ?,"
                + " valid_from = ?, valid_to = ?, search_text = ?, updated_at = CURRENT_TIMESTAMP(6)"
                + " WHERE id = ? AND revoked_at IS NULL";
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(sql)) {
            bind(ps, f);
            ps.setLong(8, id);
            if (ps.executeUpdate() != 1) {
                throw CrossBorderRefusedException.revoked();
            }
        } catch (SQLException e) {
            throw translated(e);
        }
    }

    /** @return false when it was revoked already */
    boolean revoke(long id, String reason) {
        return jdbc.prepareStatement(
                        "UPDATE cross_border_pharmacist SET revoked_at = CURRENT_TIMESTAMP(6), revoke_reason = ?,"
                                + " updated_at = CURRENT_TIMESTAMP(6) WHERE id = ? AND revoked_at IS NULL",
                        ps -> {
                            ps.setString(1, reason);
                            ps.setLong(2, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    Optional<PharmacistRow> find(long id) {
        return query(PharmacistRow.SELECT + " WHERE c.id = ?", List.of(id)).stream()
                .findFirst();
    }

    /** Newest first, after {@code beforeId} (0: from the start), matching {@code q} when given; at most limit. */
    List<PharmacistRow> page(@Nullable String q, long beforeId, int limit) {
        StringBuilder sql = new StringBuilder(PharmacistRow.SELECT + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q != null) {
            sql.append(" AND c.search_text LIKE ?");
            args.add(Folding.contains(q));
        }
        if (beforeId > 0) {
            sql.append(" AND c.id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY c.id DESC LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args);
    }

    private List<PharmacistRow> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<PharmacistRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(PharmacistRow.of(rs));
                }
            }
            return rows;
        });
    }

    private static void bind(PreparedStatement ps, Fields f) throws SQLException {
        ps.setString(1, f.nameZh());
        ps.setString(2, f.namePt());
        ps.setString(3, f.licenseNumber());
        ps.setLong(4, f.pharmacyId());
        ps.setDate(5, Date.valueOf(f.validFrom()));
        ps.setDate(6, Date.valueOf(f.validTo()));
        ps.setString(7, f.searchText());
    }

    private static RuntimeException translated(SQLException e) {
        if (DuplicateKey.violated(e, "uk_cross_border_license")) {
            return CrossBorderRefusedException.licenseTaken();
        }
        return new DataAccessException("cross-border register: " + e.getMessage(), e);
    }
}
