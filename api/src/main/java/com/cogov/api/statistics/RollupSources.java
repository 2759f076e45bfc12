package com.cogov.api.statistics;

import com.cogov.api.shared.CityConfiguration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the rollup job reads from the tables the counter writes, always by primary key or a bounded index range (the
 * ids after its cursor, a sale's items, the voids of the last minutes): never a scan of the registration table. Also
 * the job's own position: the cursors and the rows counted ahead of a gap.
 */
@Singleton
class RollupSources {

    static final String REGISTRATIONS = "registration";
    static final String ALERTS = "rule_alert";
    static final String VOIDS = "registration_void";

    /** A row read by id, with when the job first saw it (for closing a gap below it, see StatisticsRollup). */
    record Seen(long id, Instant seenAt) {}

    record Cursor(long countedThrough, @Nullable Instant throughTime) {}

    record NewBlock(long id, RollupCounts.Block block) {}

    record NewVoid(long registrationId, Instant voidedAt) {}

    private final JdbcOperations jdbc;
    private final CityConfiguration city;

    RollupSources(JdbcOperations jdbc, CityConfiguration city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    Cursor cursor(String source) {
        return Sql.list(
                        jdbc,
                        "SELECT counted_through, through_time FROM statistics_cursor WHERE source = ? FOR UPDATE",
                        List.of(source),
                        rs -> new Cursor(
                                rs.getLong(1),
                                rs.getTimestamp(2) == null
                                        ? null
                                        : rs.getTimestamp(2).toInstant()))
                .stream()
                .findFirst()
                .orElse(new Cursor(0, null));
    }

    void saveCursor(String source, Cursor cursor) {
        List<Object> values = new ArrayList<>();
        values.add(source);
        values.add(cursor.countedThrough());
        values.add(cursor.throughTime());
        values.add(cursor.countedThrough());
        values.add(cursor.throughTime());
        Sql.update(
                jdbc,
                "INSERT INTO statistics_cursor (source, counted_through, through_time) VALUES (?,?,?)"
                        + " ON DUPLICATE KEY UPDATE counted_through = ?, through_time = ?",
                values);
    }

    /** The ids counted past the cursor, each with when it was first seen, in id order. */
    List<Seen> countedAhead(String source) {
        return Sql.list(
                jdbc,
                "SELECT ref_id, seen_at FROM statistics_counted_ahead WHERE source = ? ORDER BY ref_id",
                List.of(source),
                rs -> new Seen(rs.getLong(1), rs.getTimestamp(2).toInstant()));
    }

    void rememberAhead(String source, List<Seen> rows) {
        for (Seen row : rows) {
            Sql.update(
                    jdbc,
                    "INSERT INTO statistics_counted_ahead (source, ref_id, seen_at) VALUES (?,?,?)",
                    List.of(source, row.id(), row.seenAt()));
        }
    }

    void forgetAhead(String source, long through) {
        Sql.update(
                jdbc,
                "DELETE FROM statistics_counted_ahead WHERE source = ? AND ref_id <= ?",
                List.of(source, through));
    }

    /** Sales after the cursor not counted yet, in id order: a primary-key range. */
    List<RollupCounts.CountedSale> salesAfter(long cursor, int limit) {
        Map<Long, RollupCounts.CountedSale> sales = new LinkedHashMap<>();
        Sql.list(
                        jdbc,
                        "SELECT r.id, r.pharmacy_id, r.district_code, r.sold_at, r.buyer_number_index, r.warnings"
                                + " FROM registration r WHERE r.id > ? AND NOT EXISTS (SELECT 1 FROM"
                                + " statistics_counted_ahead a WHERE a.source = 'registration' AND a.ref_id = r.id)"
                                + " ORDER BY r.id LIMIT ?",
                        List.of(cursor, limit),
                        this::sale)
                .forEach(s -> sales.put(s.id(), s));
        return withItems(sales);
    }

    Optional<RollupCounts.CountedSale> sale(long id) {
        Map<Long, RollupCounts.CountedSale> sales = new LinkedHashMap<>();
        Sql.list(
                        jdbc,
                        "SELECT r.id, r.pharmacy_id, r.district_code, r.sold_at, r.buyer_number_index, r.warnings"
                                + " FROM registration r WHERE r.id = ?",
                        List.of(id),
                        this::sale)
                .forEach(s -> sales.put(s.id(), s));
        return withItems(sales).stream().findFirst();
    }

    private RollupCounts.CountedSale sale(java.sql.ResultSet rs) throws java.sql.SQLException {
        String warnings = rs.getString(6);
        return new RollupCounts.CountedSale(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                city.dayOf(rs.getTimestamp(4).toInstant()),
                rs.getString(5),
                warnings != null && !warnings.isBlank(),
                List.of());
    }

    private List<RollupCounts.CountedSale> withItems(Map<Long, RollupCounts.CountedSale> sales) {
        if (sales.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<Long, RollupCounts.Line>> lines = new HashMap<>();
        Sql.list(
                jdbc,
                "SELECT registration_id, drug_id, special_category_code, quantity FROM registration_item"
                        + " WHERE registration_id IN (" + Sql.marks(sales.size()) + ")",
                List.copyOf(sales.keySet()),
                rs -> {
                    long drug = rs.getLong(2);
                    lines.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .merge(
                                    drug,
                                    new RollupCounts.Line(drug, rs.getString(3), rs.getInt(4)),
                                    (a, b) -> new RollupCounts.Line(drug, a.category(), a.quantity() + b.quantity()));
                    return null;
                });
        return sales.values().stream()
                .map(s -> new RollupCounts.CountedSale(
                        s.id(),
                        s.pharmacyId(),
                        s.districtCode(),
                        s.day(),
                        s.buyerIndex(),
                        s.warned(),
                        List.copyOf(lines.getOrDefault(s.id(), Map.of()).values())))
                .toList();
    }

    /** Alerts after the cursor not counted yet, in id order; only a refusal's BLOCK is a block. */
    List<NewBlock> alertsAfter(long cursor, int limit) {
        return Sql.list(
                jdbc,
                "SELECT l.id, l.pharmacy_id, l.district_code, l.created_at, l.category_code, l.severity,"
                        + " l.registration_id FROM rule_alert l WHERE l.id > ? AND NOT EXISTS (SELECT 1 FROM"
                        + " statistics_counted_ahead a WHERE a.source = 'rule_alert' AND a.ref_id = l.id)"
                        + " ORDER BY l.id LIMIT ?",
                List.of(cursor, limit),
                rs -> {
                    rs.getLong(7);
                    boolean refused = rs.wasNull(); // a BLOCK has no registration
                    boolean block = refused && "BLOCK".equals(rs.getString(6));
                    return new NewBlock(
                            rs.getLong(1),
                            block
                                    ? new RollupCounts.Block(
                                            rs.getLong(2),
                                            rs.getString(3),
                                            city.dayOf(rs.getTimestamp(4).toInstant()),
                                            rs.getString(5))
                                    : null);
                });
    }

    /** Voids recorded after {@code since}, oldest first, not counted yet: an index range on voided_at. */
    List<NewVoid> voidsSince(Instant since, int limit) {
        return Sql.list(
                jdbc,
                "SELECT v.registration_id, v.voided_at FROM registration_void v WHERE v.voided_at > ? AND NOT EXISTS"
                        + " (SELECT 1 FROM statistics_counted_void c WHERE c.registration_id = v.registration_id)"
                        + " ORDER BY v.voided_at, v.registration_id LIMIT ?",
                List.of(since, limit),
                rs -> new NewVoid(rs.getLong(1), rs.getTimestamp(2).toInstant()));
    }

    void voidCounted(long registrationId) {
        Sql.update(jdbc, "INSERT INTO statistics_counted_void (registration_id) VALUES (?)", List.of(registrationId));
    }
}
