package com.cogov.contracts.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** What an administrator or manager hands over, shown once: an activation code or a one-time password. */
@Serdeable
@Schema(name = "IssuedCredential")
public record IssuedCredential(
        AccountView account,

        @Nullable @Schema(description = "Single use, for POST /mp/v1/auth/bind")
        String activationCode,

        @Nullable Instant activationCodeExpiresAt,

        @Nullable @Schema(description = "Must be changed at the first sign-in")
        String temporaryPassword) {}
