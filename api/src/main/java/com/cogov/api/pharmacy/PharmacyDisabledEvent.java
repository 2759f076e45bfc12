package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;

/** Published inside the disabling transaction, so that listeners (the staff accounts) change with it or not at all. */
public record PharmacyDisabledEvent(long pharmacyId, Actor actor) {}
