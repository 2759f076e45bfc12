package com.cogov.contracts.complaint;

/** What kind of product the case is about. */
public enum ComplaintCategory {
    DRUG,
    MEDICAL_DEVICE,
    COSMETIC,
    FOOD,
    OTHER
}
