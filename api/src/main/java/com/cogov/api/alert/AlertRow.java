package com.cogov.api.alert;

import com.cogov.contracts.alert.AlertStatus;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** An alert as read from the database, buyer still sealed. */
record AlertRow(
        long id,
        String rule,
        String severity,
        AlertStatus status,
        String districtCode,
        long pharmacyId,
        @Nullable String pharmacyName,
        @Nullable String category,
        String detail,
        @Nullable String buyerDocumentType,
        @Nullable String buyerNumberSealed,
        @Nullable String buyerNameSealed,
        @Nullable String registrationNumber,
        int occurrences,
        Instant createdAt,
        Instant updatedAt) {}
