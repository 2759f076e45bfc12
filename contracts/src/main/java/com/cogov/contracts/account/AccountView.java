package com.cogov.contracts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** An account as administrators and managers see it. Personal fields are masked. */
@Serdeable
@Schema(name = "Account")
public record AccountView(
        long id,
        Role role,
        String displayName,
        @Nullable String username,
        @Nullable Long pharmacyId,
        @Nullable String districtCode,
        @Nullable Long enterpriseId,
        Status status,

        @Schema(description = "Temporarily locked after repeated sign-in failures")
        boolean locked,

        @Schema(description = "Bound to a WeChat identity (mini-program staff)")
        boolean weChatBound,

        boolean totpEnrolled,
        @Nullable @Schema(example = "138****5678") String phone,
        Instant createdAt) {

    public enum Status {
        ACTIVE,
        DISABLED,
        DELETED
    }
}
