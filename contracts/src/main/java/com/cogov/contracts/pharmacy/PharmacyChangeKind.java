package com.cogov.contracts.pharmacy;

/** What one entry of a pharmacy's history did. */
public enum PharmacyChangeKind {
    CREATED,
    EDITED,
    TRANSFERRED,
    STATUS_CHANGED
}
