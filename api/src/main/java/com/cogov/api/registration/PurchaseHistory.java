package com.cogov.api.registration;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the database knows of a sale's past before the sale is evaluated: the buyer's earlier purchases (the truth
 * behind {@link Velocity}) and the trace codes sold before (the resale rule).
 */
@Singleton
class PurchaseHistory {

    private final JdbcOperations jdbc;

    PurchaseHistory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What the counter needs from the database before it evaluates a sale: the buyer's unvoided purchases by
     * category (those Redis does not hold), and which of its trace codes an earlier unvoided sale carried.
     */
    record Earlier(Map<String, List<Velocity.Purchase>> purchases, Set<String> seenTraceCodes) {
        static final Earlier NOTHING = new Earlier(Map.of(), Set.of());
    }

    /**
     * One statement, so a sale costs one round trip here however many of the questions it asks; none when it asks none.
     * The purchases are the truth behind the velocity rule, read by the buyer's blind index.
     */
    @Connectable
    Earlier earlier(String buyerIndex, Collection<String> categories, Instant since, Collection<String> traceCodes) {
        if (categories.isEmpty() && traceCodes.isEmpty()) {
            return Earlier.NOTHING;
        }
        return jdbc.prepareStatement(earlierSql(categories.size(), traceCodes.size()), ps -> {
            int i = 1;
            if (!categories.isEmpty()) {
                ps.setString(i++, buyerIndex);
                ps.setTimestamp(i++, Timestamp.from(since));
                for (String category : categories) {
                    ps.setString(i++, category);
                }
            }
            for (String code : traceCodes) {
                ps.setString(i++, code);
            }
            Map<String, List<Velocity.Purchase>> purchases = new HashMap<>();
            Set<String> seen = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String category = rs.getString(1);
                    if (category == null) {
                        seen.add(rs.getString(6));
                    } else {
                        purchases
                                .computeIfAbsent(category, c -> new ArrayList<>())
                                .add(new Velocity.Purchase(
                                        rs.getLong(2),
                                        rs.getLong(3),
                                        rs.getInt(4),
                                        rs.getTimestamp(5).toInstant()));
                    }
                }
            }
            return new Earlier(purchases, seen);
        });
    }

    /** The parts asked for: purchases (category, id, pharmacy, packages, time), and trace codes seen (in the last column). */
    static String earlierSql(int categories, int traceCodes) {
        List<String> parts = new ArrayList<>();
        if (categories > 0) {
            parts.add("SELECT i.special_category_code, r.id, r.pharmacy_id, SUM(i.quantity), r.sold_at, NULL"
                    + " FROM registration r JOIN registration_item i ON i.registration_id = r.id"
                    + " LEFT JOIN registration_void v ON v.registration_id = r.id"
                    + " WHERE r.buyer_number_index = ? AND r.sold_at >= ? AND v.registration_id IS NULL"
                    + " AND i.special_category_code IN (" + Statements.marks(categories) + ")"
                    + " GROUP BY i.special_category_code, r.id, r.pharmacy_id, r.sold_at");
        }
        if (traceCodes > 0) {
            parts.add("SELECT DISTINCT NULL, NULL, NULL, NULL, NULL, t.trace_code FROM registration_trace_code t"
                    + " LEFT JOIN registration_void v ON v.registration_id = t.registration_id"
                    + " WHERE v.registration_id IS NULL AND t.trace_code IN (" + Statements.marks(traceCodes) + ")");
        }
        return String.join(" UNION ALL ", parts);
    }
}
