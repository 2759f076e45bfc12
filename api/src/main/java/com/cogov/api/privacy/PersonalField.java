package com.cogov.api.privacy;

/** The personal data the platform seals, indexes and masks; each has its own normalisation and mask. */
public enum PersonalField {
    /** Resident ID card number, or another identity document's number (passport, travel permit). */
    ID_NUMBER,
    NAME,
    PHONE
}
