package com.cogov.api.pharmacy;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.pharmacy.PharmacyChangeKind;
import com.cogov.contracts.pharmacy.PharmacyChangeView;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What every change of a pharmacy or a district leaves behind, in the change's own transaction: the pharmacy's history
 * entry (old and new values), the data centre's outbox row (keyed by the object's version, so the uploader sends each
 * version once and in order), the audit entry (field names and the reason, never values), and for a pharmacy the
 * {@link PharmacyChangedEvent} that what is derived from pharmacies listens to.
 */
@Singleton
class ChangeRecords {

    /** The history a pharmacy's read shows; a pharmacy changes a few times a year, so this is years of it. */
    static final int HISTORY_SHOWN = 200;

    private static final Argument<List<PharmacyChangeView.FieldChange>> CHANGES =
            Argument.listOf(PharmacyChangeView.FieldChange.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final AuditService audit;
    private final ApplicationEventPublisher<PharmacyChangedEvent> changed;

    ChangeRecords(
            JdbcOperations jdbc,
            JsonMapper json,
            AuditService audit,
            ApplicationEventPublisher<PharmacyChangedEvent> changed) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.changed = changed;
    }

    /**
     * @param after   the pharmacy as it is after the change, with its new version
     * @param reason  already redacted (no ID or mobile numbers)
     */
    void pharmacy(
            Actor actor,
            Pharmacy after,
            PharmacyChangeKind kind,
            List<PharmacyChangeView.FieldChange> changes,
            @Nullable String reason) {
        update(
                "INSERT INTO pharmacy_change (pharmacy_id, version, kind, changes, reason, actor_id) VALUES (?,?,?,?,?,?)",
                after.id(),
                after.version(),
                kind.name(),
                write(changes),
                reason,
                actor.accountId());
        Map<String, Object> payload = payload(after);
        payload.put("change", kind.name());
        payload.put("changes", changes);
        outbox("pharmacy", after.id(), after.version(), "PHARMACY_" + kind.name(), payload);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(
                "fields",
                changes.stream().map(PharmacyChangeView.FieldChange::field).collect(Collectors.joining(",")));
        details.put("version", String.valueOf(after.version()));
        if (reason != null) {
            details.put("reason", reason);
        }
        audit.record(actor, action(kind), "pharmacy", String.valueOf(after.id()), AuditOutcome.SUCCESS, details);
        changed.publishEvent(new PharmacyChangedEvent(after.id()));
    }

    /** A district added, renamed or retired: the outbox (the bureau keeps the city's divisions) and the audit trail. */
    void district(Actor actor, District after, String eventType, Map<String, String> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", after.code());
        payload.put("name", after.name());
        payload.put("parentCode", after.parentCode());
        payload.put("retired", after.retired());
        payload.put("version", after.version());
        outbox("district", Long.parseLong(after.code()), after.version(), eventType, payload);
        audit.record(
                actor,
                "district." + eventType.substring("DISTRICT_".length()).toLowerCase(java.util.Locale.ROOT),
                "district",
                after.code(),
                AuditOutcome.SUCCESS,
                details);
    }

    /** The pharmacy's changes, newest first. */
    List<PharmacyChangeView> history(long pharmacyId) {
        return jdbc.prepareStatement(
                "SELECT version, kind, changes, reason, actor_id, UNIX_TIMESTAMP(changed_at) AS changed"
                        + " FROM pharmacy_change WHERE pharmacy_id = ? ORDER BY version DESC LIMIT " + HISTORY_SHOWN,
                ps -> {
                    ps.setLong(1, pharmacyId);
                    List<PharmacyChangeView> history = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long actor = rs.getLong("actor_id");
                            history.add(new PharmacyChangeView(
                                    rs.getInt("version"),
                                    PharmacyChangeKind.valueOf(rs.getString("kind")),
                                    read(rs.getString("changes")),
                                    rs.getString("reason"),
                                    rs.wasNull() ? null : actor,
                                    PharmacyRows.instant(rs, "changed")));
                        }
                    }
                    return history;
                });
    }

    private static String action(PharmacyChangeKind kind) {
        return switch (kind) {
            case CREATED -> "pharmacy.create";
            case EDITED -> "pharmacy.edit";
            case TRANSFERRED -> "pharmacy.transfer";
            case STATUS_CHANGED -> "pharmacy.status";
        };
    }

    /** The pharmacy as the bureau's data centre receives it. */
    private static Map<String, Object> payload(Pharmacy p) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", p.id());
        payload.put("version", p.version());
        payload.put("licenseNumber", p.licenseNumber());
        payload.put("creditCode", p.creditCode());
        payload.put("name", p.name());
        payload.put("districtCode", p.districtCode());
        payload.put("address", p.address());
        payload.put("latitude", p.latitude());
        payload.put("longitude", p.longitude());
        payload.put("openingHours", p.openingHours());
        payload.put("phone", p.phone());
        payload.put("status", p.status().name());
        return payload;
    }

    private void outbox(String type, long id, int version, String eventType, Map<String, Object> payload) {
        update(
                "INSERT INTO outbox (aggregate_type, aggregate_id, version, event_type, payload) VALUES (?,?,?,?,?)",
                type,
                id,
                version,
                eventType,
                write(payload));
    }

    private void update(String sql, Object... values) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<PharmacyChangeView.FieldChange> read(String changes) {
        try {
            return json.readValue(changes, CHANGES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
