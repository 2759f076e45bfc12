package com.cogov.api.registration;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import com.cogov.contracts.registration.RegistrationView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The regulator's two lists at city scale (10 M rows and more), newest first on a stable (sold_at, id) order, in
 * keyset pages. Each statement is assembled from fixed fragments with every value bound, and names the index it
 * reads, chosen from the filters by how few rows the index's range holds: one buyer (the blind index), one pharmacy,
 * one drug (items only), one district, one category (items only), else the city by time. The remaining filters
 * (clerk, status, warning, minor, and for sales a drug or category through the item index) are checked on the rows of
 * that range as it is read in order, so a page stops at its limit. The item list reads the item-side indexes, which
 * carry the sale's time, pharmacy and district (V7_2). A sale's void is read by its primary key, named: voids are few,
 * and the optimiser would rather read a small table whole than look each row up. A sale's items likewise by their
 * sale, in a scalar subquery: as EXISTS the optimiser turns it into a semi-join that materialises every item of the
 * drug or category (a category holds most items: the item table read whole). RecordQueryPlanTest checks every
 * choice with EXPLAIN.
 */
@Singleton
class RecordSearch {

    private final JdbcOperations jdbc;

    RecordSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Sql(String text, List<Object> parameters) {}

    /** One item sold, with what the item list shows of its sale; {@code voided} is the sale's status. */
    record ItemRow(
            long id,
            long registrationId,
            String number,
            Instant soldAt,
            long pharmacyId,
            String districtCode,
            long drugId,
            String category,
            int quantity,
            String batchNumber,
            @Nullable String prescriptionNumber,
            boolean voided) {}

    @Connectable
    List<StoredRegistration> sales(RecordCriteria c, PageRequest page) {
        Sql sql = sales(c, page.after(), page.fetchSize());
        return jdbc.prepareStatement(sql.text(), ps -> {
            Statements.bind(ps, sql.parameters());
            return StoredRegistration.readAll(ps);
        });
    }

    @Connectable
    List<ItemRow> items(RecordCriteria c, PageRequest page) {
        Sql sql = items(c, page.after(), page.fetchSize());
        return jdbc.prepareStatement(sql.text(), ps -> {
            Statements.bind(ps, sql.parameters());
            List<ItemRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ItemRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getLong(5),
                            rs.getString(6),
                            rs.getLong(7),
                            rs.getString(8),
                            rs.getInt(9),
                            rs.getString(10),
                            rs.getString(11),
                            rs.getTimestamp(12) != null));
                }
            }
            return rows;
        });
    }

    /**
     * How many rows the range of the chosen index holds, as the optimiser estimates it from the index (EXPLAIN's
     * {@code rows}, no table read): an export's expected size, an upper bound when other filters apply.
     */
    @Connectable
    long estimate(Sql sql) {
        return jdbc.prepareStatement("EXPLAIN " + sql.text(), ps -> {
            Statements.bind(ps, sql.parameters());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong("rows") : -1L;
            }
        });
    }

    static Sql sales(RecordCriteria c, @Nullable Cursor after, int fetch) {
        String index = c.buyerIndex() != null
                ? "ix_registration_buyer_time"
                : c.pharmacyId() != null
                        ? "ix_registration_pharmacy_time"
                        : c.districtCode() != null ? "ix_registration_district_time" : "ix_registration_time";
        StringBuilder text =
                new StringBuilder("SELECT " + StoredRegistration.COLUMNS + " FROM registration r FORCE INDEX ("
                        + index + ") LEFT JOIN registration_void v FORCE INDEX (PRIMARY) ON v.registration_id = r.id"
                        + " WHERE r.sold_at >= ? AND r.sold_at < ?");
        List<Object> parameters = new ArrayList<>(List.of(Timestamp.from(c.from()), Timestamp.from(c.to())));
        and(text, parameters, "r.buyer_number_index = ?", c.buyerIndex());
        and(text, parameters, "r.pharmacy_id = ?", c.pharmacyId());
        and(text, parameters, "r.district_code = ?", c.districtCode());
        and(
                text,
                parameters,
                "(SELECT 1 FROM registration_item i FORCE INDEX (ix_registration_item_registration)"
                        + " WHERE i.registration_id = r.id AND i.drug_id = ? LIMIT 1) IS NOT NULL",
                c.drugId());
        and(
                text,
                parameters,
                "(SELECT 1 FROM registration_item i FORCE INDEX (ix_registration_item_registration)"
                        + " WHERE i.registration_id = r.id AND i.special_category_code = ? LIMIT 1) IS NOT NULL",
                c.category());
        saleFilters(text, parameters, c);
        return page(text, parameters, "r.sold_at", "r.id", after, fetch);
    }

    static Sql items(RecordCriteria c, @Nullable Cursor after, int fetch) {
        String columns = "SELECT i.id, i.registration_id, r.number, i.sold_at, i.pharmacy_id, i.district_code,"
                + " i.drug_id, i.special_category_code, i.quantity, i.batch_number, r.prescription_number, v.voided_at";
        StringBuilder text = new StringBuilder(columns);
        List<Object> parameters = new ArrayList<>();
        if (c.buyerIndex() != null) {
            // One buyer's sales are few: read them by the blind index, then their items.
            text.append(" FROM registration r FORCE INDEX (ix_registration_buyer_time)"
                    + " STRAIGHT_JOIN registration_item i ON i.registration_id = r.id"
                    + " LEFT JOIN registration_void v FORCE INDEX (PRIMARY) ON v.registration_id = r.id"
                    + " WHERE r.buyer_number_index = ? AND r.sold_at >= ? AND r.sold_at < ?");
            parameters.add(c.buyerIndex());
        } else {
            String index = c.pharmacyId() != null
                    ? "ix_registration_item_pharmacy_time"
                    : c.drugId() != null
                            ? "ix_registration_item_drug_time"
                            : c.districtCode() != null
                                    ? "ix_registration_item_district_time"
                                    : c.category() != null
                                            ? "ix_registration_item_category_time"
                                            : "ix_registration_item_time";
            text.append(" FROM registration_item i FORCE INDEX (" + index + ")"
                    + " STRAIGHT_JOIN registration r ON r.id = i.registration_id"
                    + " LEFT JOIN registration_void v FORCE INDEX (PRIMARY) ON v.registration_id = i.registration_id"
                    + " WHERE i.sold_at >= ? AND i.sold_at < ?");
        }
        parameters.add(Timestamp.from(c.from()));
        parameters.add(Timestamp.from(c.to()));
        and(text, parameters, "i.pharmacy_id = ?", c.pharmacyId());
        and(text, parameters, "i.district_code = ?", c.districtCode());
        and(text, parameters, "i.drug_id = ?", c.drugId());
        and(text, parameters, "i.special_category_code = ?", c.category());
        saleFilters(text, parameters, c);
        return page(text, parameters, "i.sold_at", "i.id", after, fetch);
    }

    /** The filters on the sale itself, checked on the rows of the range. */
    private static void saleFilters(StringBuilder text, List<Object> parameters, RecordCriteria c) {
        and(text, parameters, "r.clerk_id = ?", c.clerkId());
        if (c.status() != null) {
            text.append(
                    c.status() == RegistrationView.Status.VOIDED
                            ? " AND v.registration_id IS NOT NULL"
                            : " AND v.registration_id IS NULL");
        }
        if (RecordFilter.ANY_WARNING.equals(c.warning())) {
            text.append(" AND r.warnings IS NOT NULL");
        } else {
            and(text, parameters, "FIND_IN_SET(?, r.warnings) > 0", c.warning());
        }
        if (c.minor()) {
            // Under 18 on the day of the sale: born after the sale's date 18 years before.
            text.append(" AND r.buyer_birth_date > DATE_SUB(r.sold_at, INTERVAL 18 YEAR)");
        }
    }

    /** Strictly after the cursor on (time, id) descending, one row more than the page. */
    private static Sql page(
            StringBuilder text, List<Object> parameters, String time, String id, @Nullable Cursor after, int fetch) {
        if (after != null) {
            Timestamp at = Timestamp.from(after.at());
            text.append(" AND (" + time + " < ? OR (" + time + " = ? AND " + id + " < ?))");
            parameters.add(at);
            parameters.add(at);
            parameters.add(after.id());
        }
        text.append(" ORDER BY " + time + " DESC, " + id + " DESC LIMIT ?");
        parameters.add(fetch);
        return new Sql(text.toString(), List.copyOf(parameters));
    }

    /** The filter's fixed fragment and its bound value, when the filter is present. */
    private static void and(StringBuilder text, List<Object> parameters, String condition, @Nullable Object value) {
        if (value != null) {
            text.append(" AND ").append(condition);
            parameters.add(value);
        }
    }
}
