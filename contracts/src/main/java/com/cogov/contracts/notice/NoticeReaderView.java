package com.cogov.contracts.notice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A pharmacy a PHARMACIES notice is for, and whether its staff confirmed it (信息接收).
 *
 * @param confirmations how many of its clerks and managers confirmed
 */
@Serdeable
@Schema(name = "NoticeReader")
public record NoticeReaderView(
        long pharmacyId,
        String pharmacyName,
        String districtCode,
        boolean confirmed,
        @Nullable @Schema(nullable = true) Instant firstConfirmedAt,
        int confirmations) {}
