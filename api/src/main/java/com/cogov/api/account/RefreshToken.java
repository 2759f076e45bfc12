package com.cogov.api.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("refresh_token")
record RefreshToken(
        @Id @GeneratedValue Long id,
        String tokenHash,
        String familyId,
        long accountId,
        Instant issuedAt,
        Instant expiresAt,
        Instant familyExpiresAt,
        @Nullable Instant usedAt,
        @Nullable Instant revokedAt,
        String audience) {}
