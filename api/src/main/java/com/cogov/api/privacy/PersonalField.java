package com.cogov.api.privacy;

/** The personal data the platform seals, indexes and masks; each has its own normalisation and mask. */
public enum PersonalField {
    /** Resident ID card number, or another identity document's number (passport, travel permit). */
    ID_NUMBER,
    NAME,
    PHONE,
    /** A postal address (a complainant's): its first 6 characters (province, city) shown, the rest masked. */
    ADDRESS
}
