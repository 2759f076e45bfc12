package com.cogov.api.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("activation_code")
record ActivationCode(
        @Id @GeneratedValue Long id,
        String codeHash,
        long accountId,
        @Nullable Long issuedBy,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant usedAt) {}
