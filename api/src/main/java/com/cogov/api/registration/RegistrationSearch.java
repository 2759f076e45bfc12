package com.cogov.api.registration;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A pharmacy's listing of its own registrations, newest first. The statement is assembled from fixed fragments, one
 * per filter present, with every value bound as a parameter, so that each combination leads with an index the
 * optimiser can see: by (pharmacy_id, sold_at), or for one buyer by the blind index (buyer_number_index, sold_at),
 * which reads only that buyer's sales in the window. The optimiser cannot know how few those are and may prefer the
 * pharmacy's index, whose cost grows with the pharmacy's history (at 10 M rows the buyer history's p99 was 1.5 × that
 * at 1 M), so the buyer's index is named. RegistrationQueryPlanTest checks the plans at 120 M rows' proportions.
 */
@Singleton
class RegistrationSearch {

    private final JdbcOperations jdbc;

    RegistrationSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A checked search ({@link RegistrationQueries} validates the window; the page is checked when it is made).
     *
     * @param from       inclusive
     * @param to         exclusive
     * @param buyerIndex the buyer's blind index, for one buyer's sales
     * @param page       the limit (one row more is read, to tell whether there is a next page) and where the
     *                   previous page ended, on (sold_at, id) newest first
     */
    record Criteria(
            long pharmacyId,
            Instant from,
            Instant to,
            @Nullable String buyerIndex,
            @Nullable Long clerkId,
            @Nullable Long drugId,
            @Nullable String category,
            PageRequest page) {}

    record Sql(String text, List<Object> parameters) {}

    @Connectable
    List<StoredRegistration> find(Criteria criteria) {
        Sql sql = sql(criteria);
        return jdbc.prepareStatement(sql.text(), ps -> {
            Statements.bind(ps, sql.parameters());
            return StoredRegistration.readAll(ps);
        });
    }

    static Sql sql(Criteria c) {
        StringBuilder text = new StringBuilder(
                "SELECT " + StoredRegistration.COLUMNS + " FROM registration r"
                        + (c.buyerIndex() != null ? " FORCE INDEX (ix_registration_buyer_time)" : "")
                        + " LEFT JOIN registration_void v ON v.registration_id = r.id WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ?");
        List<Object> parameters =
                new ArrayList<>(List.of(c.pharmacyId(), Timestamp.from(c.from()), Timestamp.from(c.to())));
        and(text, parameters, "r.buyer_number_index = ?", c.buyerIndex());
        and(text, parameters, "r.clerk_id = ?", c.clerkId());
        and(
                text,
                parameters,
                "EXISTS (SELECT 1 FROM registration_item i WHERE i.registration_id = r.id AND i.drug_id = ?)",
                c.drugId());
        and(
                text,
                parameters,
                "EXISTS (SELECT 1 FROM registration_item i WHERE i.registration_id = r.id"
                        + " AND i.special_category_code = ?)",
                c.category());
        Cursor after = c.page().after();
        if (after != null) {
            Timestamp at = Timestamp.from(after.at());
            text.append(" AND (r.sold_at < ? OR (r.sold_at = ? AND r.id < ?))");
            parameters.add(at);
            parameters.add(at);
            parameters.add(after.id());
        }
        parameters.add(c.page().fetchSize());
        return new Sql(
                text.append(" ORDER BY r.sold_at DESC, r.id DESC LIMIT ?").toString(), List.copyOf(parameters));
    }

    /** The filter's fixed fragment and its bound value, when the filter is present. */
    private static void and(StringBuilder text, List<Object> parameters, String condition, @Nullable Object value) {
        if (value != null) {
            text.append(" AND ").append(condition);
            parameters.add(value);
        }
    }
}
