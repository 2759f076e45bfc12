package com.cogov.contracts.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The city's administrative divisions as a tree: the city, its districts (retired ones included, marked). */
@Serdeable
@Schema(name = "DistrictNode")
public record DistrictNode(
        @Schema(example = "420106") String code,
        @Schema(example = "武昌区") String name,
        @Schema(description = "CITY or DISTRICT") String level,
        boolean retired,
        @Nullable @Schema(nullable = true) Instant retiredAt,

        @Schema(description = "Pharmacies that are not closed")
        long pharmacies,

        List<DistrictNode> children) {}
