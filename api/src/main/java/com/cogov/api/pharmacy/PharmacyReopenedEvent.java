package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;

/**
 * Published inside the transaction that sets a suspended pharmacy ACTIVE again, so that listeners (the staff accounts
 * the suspension disabled) are given back with it or not at all.
 */
public record PharmacyReopenedEvent(long pharmacyId, Actor actor) {}
