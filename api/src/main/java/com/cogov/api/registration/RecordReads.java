package com.cogov.api.registration;

import com.cogov.contracts.registration.RegistrationDetail;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed reads behind the regulator's records: a sale by its public number anywhere in the city, the alerts it
 * raised, who voided it, and what a page needs besides its rows (pharmacy names, trace codes). Each is one
 * index-backed statement (RecordQueryPlanTest).
 */
@Singleton
class RecordReads {

    /** Any registration by its public number, through uk_registration_number; the caller checks the scope. */
    static final String BY_NUMBER = "SELECT " + StoredRegistration.COLUMNS
            + " FROM registration r LEFT JOIN registration_void v ON v.registration_id = r.id WHERE r.number = ?";

    /** A sale's alerts: by the buyer's index (ix_rule_alert_buyer), which every alert of the sale carries. */
    static final String ALERTS = "SELECT id, rule_code, severity, category_code, detail, status, created_at"
            + " FROM rule_alert WHERE buyer_number_index = ? AND registration_id = ? ORDER BY created_at, id";

    private final JdbcOperations jdbc;

    RecordReads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record PharmacyName(String name, String districtCode) {}

    @Connectable
    Optional<StoredRegistration> byNumber(String number) {
        if (!RegistrationNumbers.SHAPE.matcher(number).matches()) {
            return Optional.empty();
        }
        return jdbc
                .prepareStatement(BY_NUMBER, ps -> {
                    Statements.bind(ps, List.of(number));
                    return StoredRegistration.readAll(ps);
                })
                .stream()
                .findFirst();
    }

    @Connectable
    List<RegistrationDetail.RaisedAlert> alerts(StoredRegistration r) {
        return jdbc.prepareStatement(ALERTS, ps -> {
            Statements.bind(ps, List.of(r.buyer().numberIndex(), r.id()));
            List<RegistrationDetail.RaisedAlert> alerts = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alerts.add(new RegistrationDetail.RaisedAlert(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
            return alerts;
        });
    }

    /** Who voided the registration (its void's primary key). */
    @Connectable
    long voidedBy(long registrationId) {
        return jdbc.prepareStatement("SELECT voided_by FROM registration_void WHERE registration_id = ?", ps -> {
            ps.setLong(1, registrationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The pharmacies of a page by primary key, in one statement. */
    @Connectable
    Map<Long, PharmacyName> pharmacies(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(
                "SELECT id, name, district_code FROM pharmacy WHERE id IN (" + Statements.marks(ids.size()) + ")",
                ps -> {
                    Statements.bind(ps, new ArrayList<>(ids));
                    Map<Long, PharmacyName> names = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.put(rs.getLong(1), new PharmacyName(rs.getString(2), rs.getString(3)));
                        }
                    }
                    return names;
                });
    }

    /** The trace codes of the page's sales (ix_registration_trace_code_registration), by registration. */
    @Connectable
    Map<Long, List<String>> traceCodes(Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(
                "SELECT registration_id, trace_code FROM registration_trace_code WHERE registration_id IN ("
                        + Statements.marks(registrationIds.size()) + ") ORDER BY registration_id, trace_code",
                ps -> {
                    Statements.bind(ps, new ArrayList<>(registrationIds));
                    Map<Long, List<String>> codes = new HashMap<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            codes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                    .add(rs.getString(2));
                        }
                    }
                    return codes;
                });
    }
}
