package com.cogov.api.registration;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The fixed reads of registrations: one by its public number, the items of some, a pharmacy's day. Each is one
 * index-backed statement on a connection of its own (@Connectable: no transaction around a single SELECT); the
 * pharmacy's filtered listing is {@link RegistrationSearch}'s.
 */
@Singleton
class RegistrationReads {

    /** One registration of a pharmacy by its public number: through uk_registration_number (RegistrationQueryPlanTest). */
    static final String BY_NUMBER = "SELECT " + StoredRegistration.COLUMNS
            + " FROM registration r LEFT JOIN registration_void v ON v.registration_id = r.id"
            + " WHERE r.number = ? AND r.pharmacy_id = ?";

    private final JdbcOperations jdbc;

    RegistrationReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** An item with its drug's name and product identifier, read with it (not looked up per drug afterwards). */
    record ItemRow(
            long registrationId,
            long drugId,
            String drugName,
            String productIdentifier,
            String category,
            int quantity,
            String batchNumber,
            List<String> traceCodes) {}

    record DrugDay(long drugId, long registrations, long packages) {}

    /**
     * One registration of the pharmacy, by its public number (uk_registration_number), never the internal id, which
     * would tell the city's volume; another pharmacy's is not found.
     */
    @Connectable
    StoredRegistration own(long pharmacyId, String number) {
        if (number == null || !RegistrationNumbers.SHAPE.matcher(number).matches()) {
            throw RegistrationException.notFound(number);
        }
        return jdbc
                .prepareStatement(BY_NUMBER, ps -> {
                    Statements.bind(ps, List.of(number, pharmacyId));
                    return StoredRegistration.readAll(ps);
                })
                .stream()
                .findFirst()
                .orElseThrow(() -> RegistrationException.notFound(number));
    }

    @Connectable
    List<ItemRow> items(Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(
                "SELECT i.registration_id, i.drug_id, d.name, d.product_identifier, i.special_category_code,"
                        + " i.quantity, i.batch_number,"
                        + " (SELECT GROUP_CONCAT(t.trace_code ORDER BY t.trace_code) FROM registration_trace_code t"
                        + "  WHERE t.registration_id = i.registration_id)"
                        + " FROM registration_item i JOIN drug d ON d.id = i.drug_id"
                        + " WHERE i.registration_id IN (" + Statements.marks(registrationIds.size()) + ")"
                        + " ORDER BY i.registration_id, i.id",
                ps -> {
                    Statements.bind(ps, new ArrayList<>(registrationIds));
                    List<ItemRow> items = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String codes = rs.getString(8);
                            items.add(new ItemRow(
                                    rs.getLong(1),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getInt(6),
                                    rs.getString(7),
                                    codes == null ? List.of() : List.of(codes.split(","))));
                        }
                    }
                    return items;
                });
    }

    @Connectable
    List<DrugDay> daySummary(long pharmacyId, Instant from, Instant to) {
        return jdbc.prepareStatement("""
                SELECT i.drug_id, COUNT(DISTINCT r.id), SUM(i.quantity)
                FROM registration r
                JOIN registration_item i ON i.registration_id = r.id
                LEFT JOIN registration_void v ON v.registration_id = r.id
                WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ? AND v.registration_id IS NULL
                GROUP BY i.drug_id ORDER BY SUM(i.quantity) DESC, i.drug_id""", ps -> {
            Statements.bind(ps, List.of(pharmacyId, Timestamp.from(from), Timestamp.from(to)));
            List<DrugDay> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DrugDay(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return out;
        });
    }

    /** All of the pharmacy's registrations in the window, and how many of them are voided. */
    @Connectable
    long[] dayCounts(long pharmacyId, Instant from, Instant to) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*), COUNT(v.registration_id) FROM registration r"
                        + " LEFT JOIN registration_void v ON v.registration_id = r.id WHERE r.pharmacy_id = ? AND r.sold_at >= ? AND r.sold_at < ?",
                ps -> {
                    Statements.bind(ps, List.of(pharmacyId, Timestamp.from(from), Timestamp.from(to)));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                });
    }
}
