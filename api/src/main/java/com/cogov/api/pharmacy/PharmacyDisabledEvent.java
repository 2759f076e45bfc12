package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;

/**
 * Published inside the transaction that suspends or closes a pharmacy, so that listeners (the staff accounts, whose
 * sessions end) change with it or not at all.
 */
public record PharmacyDisabledEvent(long pharmacyId, Actor actor) {}
