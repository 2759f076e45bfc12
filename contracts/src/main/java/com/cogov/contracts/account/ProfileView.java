package com.cogov.contracts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Who is signed in, and in which scope. */
@Serdeable
@Schema(name = "Profile")
public record ProfileView(
        long accountId,
        Role role,
        String displayName,
        @Nullable Long pharmacyId,
        @Nullable String districtCode,
        @Nullable Long enterpriseId,

        @Nullable @Schema(description = "Bound phone, masked", example = "138****5678")
        String phone) {}
