package com.cogov.api.alert;

import com.cogov.contracts.alert.AlertStatus;

/** Where triage may take an alert: on from OPEN or REVIEWING; DISMISSED and CONFIRMED are final. */
final class AlertTransitions {

    private AlertTransitions() {}

    static boolean allowed(AlertStatus from, AlertStatus to) {
        return switch (from) {
            case OPEN -> to != AlertStatus.OPEN;
            case REVIEWING -> to == AlertStatus.DISMISSED || to == AlertStatus.CONFIRMED;
            case DISMISSED, CONFIRMED -> false;
        };
    }
}
