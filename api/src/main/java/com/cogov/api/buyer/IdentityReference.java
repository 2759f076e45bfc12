package com.cogov.api.buyer;

import com.cogov.contracts.buyer.DocumentType;
import com.cogov.contracts.buyer.Sex;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.time.LocalDate;

/** A scanned identity kept for a few minutes under a reference the mini-program holds; see the migration V3_2. */
@MappedEntity("buyer_identity_reference")
record IdentityReference(
        @Id @GeneratedValue Long id,
        String refHash,
        long pharmacyId,
        long accountId,
        DocumentType documentType,
        String numberSealed,
        String numberIndex,
        String nameSealed,
        @Nullable String nameIndex,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        Instant createdAt,
        Instant expiresAt) {}
