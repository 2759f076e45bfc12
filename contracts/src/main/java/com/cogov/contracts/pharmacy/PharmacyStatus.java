package com.cogov.contracts.pharmacy;

/**
 * Where a pharmacy stands on the platform. ACTIVE registers sales; SUSPENDED (停业整顿, a licence suspended) registers
 * none and its staff cannot sign in until it is reopened; CLOSED (注销, a licence revoked or given up) is final: a shop
 * that opens again gets a new licence and a new pharmacy.
 */
public enum PharmacyStatus {
    ACTIVE,
    SUSPENDED,
    CLOSED
}
