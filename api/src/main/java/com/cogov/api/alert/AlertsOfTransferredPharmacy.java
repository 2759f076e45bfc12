package com.cogov.api.alert;

import com.cogov.api.audit.AuditOutcome;
import com.cogov.api.audit.AuditService;
import com.cogov.api.pharmacy.PharmacyTransferredEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * A transferred pharmacy's open alerts (OPEN, REVIEWING) go to its new district's worklist, in the transfer's own
 * transaction: the new district's inspectors follow the pharmacy up from now on. Alerts already judged stay where they
 * were judged, as the sales behind them stay counted where they were made.
 */
@Singleton
class AlertsOfTransferredPharmacy {

    private final JdbcOperations jdbc;
    private final AuditService audit;

    AlertsOfTransferredPharmacy(JdbcOperations jdbc, AuditService audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void onTransfer(PharmacyTransferredEvent event) {
        int moved = jdbc.prepareStatement(
                "UPDATE rule_alert SET district_code = ?, updated_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE pharmacy_id = ? AND status IN ('OPEN', 'REVIEWING')",
                ps -> {
                    ps.setString(1, event.toDistrict());
                    ps.setLong(2, event.pharmacyId());
                    return ps.executeUpdate();
                });
        audit.record(
                event.actor(),
                "alert.transfer",
                "pharmacy",
                String.valueOf(event.pharmacyId()),
                AuditOutcome.SUCCESS,
                Map.of("alerts", String.valueOf(moved), "from", event.fromDistrict(), "to", event.toDistrict()));
    }
}
