package com.cogov.api.catalog;

import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.EpochSeconds;
import com.cogov.contracts.catalog.DrugStatus;
import com.cogov.contracts.catalog.DrugView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The regulators' list of drugs, newest first on (created_at, id) ({@code ix_drug_created}, or
 * {@code ix_drug_category_created} with a category). A text matches the drugs the search piece found by name or generic
 * name ({@code named}), a barcode starting with it (the barcode's primary key), or an approval number holding it (read
 * on the drug rows: a city's catalog is some tens of thousands of rows).
 */
@Singleton
class DrugQueries {

    /** {@code category=NONE}: ordinary drugs, outside every special category. */
    static final String NO_CATEGORY = "NONE";

    private final JdbcOperations jdbc;
    private final SpecialCategoryRepository categories;

    DrugQueries(JdbcOperations jdbc, SpecialCategoryRepository categories) {
        this.jdbc = jdbc;
        this.categories = categories;
    }

    record Row(Drug drug, Instant createdAt) {}

    List<Row> list(
            @Nullable String category,
            @Nullable DrugStatus status,
            @Nullable String text,
            Collection<Long> named,
            PageRequest page) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        if (NO_CATEGORY.equals(category)) {
            where.add("special_category_code IS NULL");
        } else if (category != null) {
            where.add("special_category_code = ?");
            values.add(category);
        }
        if (status != null) {
            where.add("status = ?");
            values.add(status.name());
        }
        if (text != null) {
            String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            String byName = named.isEmpty() ? "" : "id IN (" + marks(named.size()) + ") OR ";
            where.add("(" + byName + "approval_number LIKE ?"
                    + " OR id IN (SELECT drug_id FROM drug_barcode WHERE barcode LIKE ?))");
            values.addAll(named);
            values.add("%" + escaped + "%");
            values.add(escaped + "%");
        }
        if (page.after() != null) {
            where.add("(created_at < FROM_UNIXTIME(?) OR (created_at = FROM_UNIXTIME(?) AND id < ?))");
            values.add(EpochSeconds.of(page.after().at()));
            values.add(EpochSeconds.of(page.after().at()));
            values.add(page.after().id());
        }
        values.add(page.fetchSize());
        String sql = "SELECT " + DrugRows.COLUMNS + ", UNIX_TIMESTAMP(created_at) AS created FROM drug"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY created_at DESC, id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.size(); i++) {
                ps.setObject(i + 1, values.get(i));
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(DrugRows.drug(rs), EpochSeconds.instant(rs, "created")));
                }
            }
            return rows;
        });
    }

    /** The views of these drugs, with their barcodes read in one statement. */
    @ReadOnly
    List<DrugView> views(List<Drug> drugs) {
        if (drugs.isEmpty()) {
            return List.of();
        }
        Map<Long, TreeSet<String>> codes = new HashMap<>();
        jdbc.prepareStatement(
                "SELECT drug_id, barcode FROM drug_barcode WHERE drug_id IN (" + marks(drugs.size()) + ")", ps -> {
                    for (int i = 0; i < drugs.size(); i++) {
                        ps.setLong(i + 1, drugs.get(i).id());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            codes.computeIfAbsent(rs.getLong(1), id -> new TreeSet<>())
                                    .add(rs.getString(2));
                        }
                    }
                    return null;
                });
        Map<String, SpecialCategory> byCode = new HashMap<>();
        categories.findAll().forEach(c -> byCode.put(c.code(), c));
        return drugs.stream()
                .map(d -> DrugLookup.view(
                        d,
                        d.specialCategoryCode() == null ? null : byCode.get(d.specialCategoryCode()),
                        List.copyOf(codes.getOrDefault(d.id(), new TreeSet<>())),
                        DrugView.MatchKind.COMMODITY_BARCODE))
                .toList();
    }

    boolean categoryExists(String code) {
        return categories.existsById(code);
    }

    private static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
