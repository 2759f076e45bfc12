package com.cogov.api.catalog;

import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.catalog.DrugStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writer's SQL on {@code drug} and {@code drug_barcode}. Every change of a drug locks its row first
 * ({@link #lock}, {@link #lockByNaturalKey}), so two changes of one drug take turns. Times are bound as epoch seconds
 * ({@link EpochSeconds}): the list's cursor compares the exact microsecond a row holds.
 */
@Singleton
class DrugRows {

    static final String COLUMNS = "id, name, generic_name, maker, strength, dosage_form, package_unit, approval_number,"
            + " special_category_code, prescription_only, per_sale_limit, product_identifier, status";

    private final JdbcOperations jdbc;

    DrugRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Drug> lock(long id) {
        return one("SELECT " + COLUMNS + " FROM drug WHERE id = ? FOR UPDATE", id);
    }

    /** The drug of this natural key, locked; with none, the gap is locked, so a second writer of the key waits. */
    Optional<Drug> lockByNaturalKey(DrugDraft draft) {
        return one(
                "SELECT " + COLUMNS + " FROM drug WHERE approval_number = ? AND strength = ? AND package_unit = ?"
                        + " FOR UPDATE",
                draft.approvalNumber(),
                draft.strength(),
                draft.packageUnit());
    }

    Optional<Drug> byProductIdentifier(String productIdentifier) {
        return one("SELECT " + COLUMNS + " FROM drug WHERE product_identifier = ?", productIdentifier);
    }

    long insert(DrugDraft d, Instant now) {
        String sql =
                "INSERT INTO drug (name, generic_name, maker, strength, dosage_form, package_unit, approval_number,"
                        + " special_category_code, prescription_only, per_sale_limit, status, created_at, updated_at)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,'ACTIVE',FROM_UNIXTIME(?),FROM_UNIXTIME(?))";
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                int i = bindFields(ps, d);
                ps.setBigDecimal(i++, EpochSeconds.of(now));
                ps.setBigDecimal(i, EpochSeconds.of(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    void update(long id, DrugDraft d, Instant now) {
        jdbc.prepareStatement(
                "UPDATE drug SET name = ?, generic_name = ?, maker = ?, strength = ?, dosage_form = ?, package_unit = ?,"
                        + " approval_number = ?, special_category_code = ?, prescription_only = ?, per_sale_limit = ?,"
                        + " updated_at = FROM_UNIXTIME(?) WHERE id = ?",
                ps -> {
                    int i = bindFields(ps, d);
                    ps.setBigDecimal(i++, EpochSeconds.of(now));
                    ps.setLong(i, id);
                    return ps.executeUpdate();
                });
    }

    void setStatus(long id, DrugStatus status, Instant now) {
        jdbc.prepareStatement(
                "UPDATE drug SET status = ?, status_changed_at = FROM_UNIXTIME(?), updated_at = FROM_UNIXTIME(?)"
                        + " WHERE id = ?",
                ps -> {
                    ps.setString(1, status.name());
                    ps.setBigDecimal(2, EpochSeconds.of(now));
                    ps.setBigDecimal(3, EpochSeconds.of(now));
                    ps.setLong(4, id);
                    return ps.executeUpdate();
                });
    }

    void setProductIdentifier(long id, String productIdentifier) {
        jdbc.prepareStatement("UPDATE drug SET product_identifier = ? WHERE id = ?", ps -> {
            ps.setString(1, productIdentifier);
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    /** Who holds these barcodes: barcode to drug id; a free barcode is absent. */
    Map<String, Long> owners(Collection<String> barcodes) {
        if (barcodes.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(
                "SELECT barcode, drug_id FROM drug_barcode WHERE barcode IN ("
                        + String.join(",", Collections.nCopies(barcodes.size(), "?")) + ")",
                ps -> {
                    int i = 1;
                    for (String code : barcodes) {
                        ps.setString(i++, code);
                    }
                    Map<String, Long> owners = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            owners.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                    return owners;
                });
    }

    List<String> barcodes(long drugId) {
        return jdbc.prepareStatement("SELECT barcode FROM drug_barcode WHERE drug_id = ? ORDER BY barcode", ps -> {
            ps.setLong(1, drugId);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        });
    }

    void insertBarcodes(long drugId, List<String> barcodes) {
        if (barcodes.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO drug_barcode (barcode, format, drug_id) VALUES (?,?,?)", ps -> {
            for (String code : barcodes) {
                ps.setString(1, code);
                ps.setString(2, Barcode.parse(code).kind().name());
                ps.setLong(3, drugId);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    int deleteBarcode(long drugId, String barcode) {
        return jdbc.prepareStatement("DELETE FROM drug_barcode WHERE drug_id = ? AND barcode = ?", ps -> {
            ps.setLong(1, drugId);
            ps.setString(2, barcode);
            return ps.executeUpdate();
        });
    }

    /** The drug's name, for messages. */
    String name(long id) {
        return one("SELECT " + COLUMNS + " FROM drug WHERE id = ?", id)
                .map(Drug::name)
                .orElse("?");
    }

    private static int bindFields(PreparedStatement ps, DrugDraft d) throws SQLException {
        int i = 1;
        ps.setString(i++, d.name());
        ps.setString(i++, d.genericName());
        ps.setString(i++, d.maker());
        ps.setString(i++, d.strength());
        ps.setString(i++, d.dosageForm());
        ps.setString(i++, d.packageUnit());
        ps.setString(i++, d.approvalNumber());
        ps.setString(i++, d.specialCategoryCode());
        ps.setBoolean(i++, d.prescriptionOnly());
        if (d.perSaleLimit() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, d.perSaleLimit());
        }
        return i;
    }

    private Optional<Drug> one(String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(drug(rs)) : Optional.<Drug>empty();
            }
        });
    }

    static Drug drug(ResultSet rs) throws SQLException {
        int limit = rs.getInt("per_sale_limit");
        @Nullable Integer perSaleLimit = rs.wasNull() ? null : limit;
        return new Drug(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("generic_name"),
                rs.getString("maker"),
                rs.getString("strength"),
                rs.getString("dosage_form"),
                rs.getString("package_unit"),
                rs.getString("approval_number"),
                rs.getString("special_category_code"),
                rs.getBoolean("prescription_only"),
                perSaleLimit,
                rs.getString("product_identifier"),
                DrugStatus.valueOf(rs.getString("status")));
    }
}
