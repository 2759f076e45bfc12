package com.cogov.api.pharmacy;

/**
 * Published inside the transaction of any change to a pharmacy (created, edited, moved, transferred, status changed),
 * so that what is derived from pharmacies elsewhere (the nearby index, search keys, caches) is refreshed after the
 * change commits: listeners use {@code @TransactionalEventListener} and read the pharmacy afresh.
 */
public record PharmacyChangedEvent(long pharmacyId) {}
