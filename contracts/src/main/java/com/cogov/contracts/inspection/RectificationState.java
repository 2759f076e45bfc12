package com.cogov.contracts.inspection;

/**
 * Where a RECTIFY inspection's rectification stands. OPEN (the pharmacy's turn) → SUBMITTED (the inspector's) →
 * ACCEPTED, or back to OPEN when rejected before the date; OVERDUE once the date has passed without an accepted one;
 * SUPERSEDED when a correcting inspection replaced the inspection.
 */
public enum RectificationState {
    OPEN,
    SUBMITTED,
    ACCEPTED,
    OVERDUE,
    SUPERSEDED
}
