package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("unknown_barcode_report")
record UnknownBarcodeReport(
        @Id @GeneratedValue Long id,
        String barcode,
        long pharmacyId,
        long reportedBy,
        @Nullable String note,
        String status,
        Instant reportedAt) {}
