package com.cogov.api.shared;

import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;

/**
 * Who is acting, in which scope, from where: what every feature entry receives from the web layer so that scope is
 * enforced where data is read (in the queries), and what the audit trail records.
 *
 * @param accountId     null only for the system itself (scheduled jobs)
 * @param pharmacyId    set for pharmacy roles
 * @param districtCode  set for district inspectors (and the pharmacy's district for pharmacy roles)
 * @param enterpriseId  set for enterprise users
 * @param sourceAddress the client's address as the edge proxy reported it
 */
public record Actor(
        @Nullable Long accountId,
        @Nullable Role role,
        @Nullable Long pharmacyId,
        @Nullable String districtCode,
        @Nullable Long enterpriseId,
        @Nullable String sourceAddress,
        @Nullable String traceId) {

    /** The platform itself, for scheduled work. */
    public static Actor system(@Nullable String traceId) {
        return new Actor(null, null, null, null, null, null, traceId);
    }

    /** An anonymous caller (public queries, sign-in attempts before the account is known). */
    public static Actor anonymous(@Nullable String sourceAddress, @Nullable String traceId) {
        return new Actor(null, null, null, null, null, sourceAddress, traceId);
    }

    /** Refuses (403) an actor whose role may not use what is asked. */
    public void requireRole(Role required) {
        if (role != required) {
            throw new AccessDeniedException("需要" + required.name() + "角色");
        }
    }

    /** The scope as the audit trail writes it: {@code pharmacy:12}, {@code district:420106}, {@code city}, ... */
    public String scope() {
        if (role == null) {
            return accountId == null ? "system" : "none";
        }
        return switch (role) {
            case PHARMACY_CLERK, PHARMACY_MANAGER -> "pharmacy:" + pharmacyId;
            case DISTRICT_INSPECTOR -> "district:" + districtCode;
            case CITY_ADMIN -> "city";
            case ENTERPRISE_USER -> "enterprise:" + enterpriseId;
            case PUBLIC -> "self";
            case OPERATOR -> "operations";
            case PARTNER_SYSTEM, DATA_CENTRE -> "client:" + accountId;
        };
    }
}
