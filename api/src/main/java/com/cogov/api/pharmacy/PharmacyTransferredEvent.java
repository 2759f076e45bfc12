package com.cogov.api.pharmacy;

import com.cogov.api.shared.Actor;

/**
 * Published inside the transfer's transaction (区域调动): what belongs to the pharmacy from now on moves with it (its
 * staff's district, its open alerts); what happened before stays where it happened (past sales keep their district).
 */
public record PharmacyTransferredEvent(long pharmacyId, String fromDistrict, String toDistrict, Actor actor) {}
