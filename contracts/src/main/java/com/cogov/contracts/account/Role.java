package com.cogov.contracts.account;

/** Who a caller is, which decides their scope (docs/domain-rules.md §7: least privilege, separated admin roles). */
public enum Role {
    /** Registers sales. Scope: one pharmacy. */
    PHARMACY_CLERK,
    /** Runs the pharmacy's clerks. Scope: one pharmacy. */
    PHARMACY_MANAGER,
    /** Inspects pharmacies of one district. Scope: one district. */
    DISTRICT_INSPECTOR,
    /** The city bureau. Scope: the city. */
    CITY_ADMIN,
    /** An enterprise's quality manager. Scope: one enterprise (by unified social credit code). */
    ENTERPRISE_USER,
    /** A citizen signed in through WeChat. Scope: self. */
    PUBLIC,
    /** Operations: health, backups, audit verification. No business data. */
    OPERATOR,
    /** A partner system signed in through SSO client credentials. */
    PARTNER_SYSTEM,
    /** The bureau's data centre. */
    DATA_CENTRE;

    /** Administrators sign in with a second factor (TOTP). */
    public boolean requiresSecondFactor() {
        return this == CITY_ADMIN || this == OPERATOR;
    }
}
