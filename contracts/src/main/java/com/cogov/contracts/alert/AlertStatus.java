package com.cogov.contracts.alert;

/**
 * Where an alert's triage stands. OPEN → REVIEWING → DISMISSED or CONFIRMED; OPEN may be dismissed or confirmed at
 * once. DISMISSED and CONFIRMED are final.
 */
public enum AlertStatus {
    OPEN,
    REVIEWING,
    DISMISSED,
    CONFIRMED
}
