package com.cogov.api.catalog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole catalog in three statements (drugs, barcodes, categories; some 10,000 drugs): for the copies other
 * features keep of it and for rebuilding its search keys, instead of a repository call per drug.
 */
@Singleton
class CatalogRows {

    private final JdbcOperations jdbc;

    CatalogRows(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<SpecialCategoryRules> categories() {
        return jdbc.prepareStatement(
                "SELECT code, name, psychotropic_category_two, prescription_required, default_per_sale_limit,"
                        + " legal_basis FROM special_category ORDER BY code",
                ps -> {
                    List<SpecialCategoryRules> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(new SpecialCategoryRules(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getBoolean(3),
                                    rs.getBoolean(4),
                                    (Integer) rs.getObject(5, Integer.class),
                                    rs.getString(6)));
                        }
                    }
                    return found;
                });
    }

    /** @param retiredToo whether retired drugs are listed too (the regulator's search finds them; the public's not) */
    List<CatalogEntry> drugs(boolean retiredToo) {
        Map<Long, List<String>> barcodes = new HashMap<>();
        jdbc.prepareStatement("SELECT drug_id, barcode FROM drug_barcode ORDER BY barcode", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    barcodes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(rs.getString(2));
                }
            }
            return null;
        });
        Map<String, Integer> defaults = new HashMap<>();
        categories().forEach(c -> defaults.put(c.code(), c.defaultPerSaleLimit()));
        return jdbc.prepareStatement(
                "SELECT id, name, generic_name, maker, strength, dosage_form, package_unit, approval_number,"
                        + " special_category_code, prescription_only, per_sale_limit FROM drug"
                        + (retiredToo ? "" : " WHERE status = 'ACTIVE'")
                        + " ORDER BY id",
                ps -> {
                    List<CatalogEntry> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            String category = rs.getString(9);
                            Integer own = rs.getObject(11, Integer.class);
                            found.add(new CatalogEntry(
                                    id,
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    category,
                                    rs.getBoolean(10),
                                    own != null ? own : category == null ? null : defaults.get(category),
                                    List.copyOf(barcodes.getOrDefault(id, List.of()))));
                        }
                    }
                    return found;
                });
    }
}
