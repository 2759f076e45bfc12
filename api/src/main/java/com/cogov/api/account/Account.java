package com.cogov.api.account;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.AccountView;
import com.cogov.contracts.account.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("account")
record Account(
        @Id @GeneratedValue Long id,
        @Nullable String username,
        @Nullable String wechatOpenid,
        Role role,
        String displayName,
        @Nullable Long pharmacyId,
        @Nullable String districtCode,
        @Nullable Long enterpriseId,
        AccountView.Status status,
        @DateCreated Instant createdAt,
        @Nullable String passwordHash,
        boolean passwordChangeRequired,
        @Nullable String totpSecretSealed,
        boolean totpEnrolled,
        @Nullable Long totpLastStep,
        @Nullable String phoneSealed,
        @Nullable String phoneIndex,
        @Nullable Instant deletedAt) {

    static Account newAccount(
            Role role,
            String displayName,
            @Nullable String username,
            @Nullable String openid,
            @Nullable Long pharmacyId,
            @Nullable String districtCode,
            @Nullable Long enterpriseId) {
        return new Account(
                null,
                username,
                openid,
                role,
                displayName,
                pharmacyId,
                districtCode,
                enterpriseId,
                AccountView.Status.ACTIVE,
                null,
                null,
                false,
                null,
                false,
                null,
                null,
                null,
                null);
    }

    /** The caller acting as this account (a sign-in's audit row names the account, not the anonymous caller). */
    Actor actingFor(Actor caller) {
        return new Actor(id, role, pharmacyId, districtCode, enterpriseId, caller.sourceAddress(), caller.traceId());
    }

    /** The id as the audit trail's target. */
    String ref() {
        return String.valueOf(id);
    }

    boolean active() {
        return status == AccountView.Status.ACTIVE;
    }
}
