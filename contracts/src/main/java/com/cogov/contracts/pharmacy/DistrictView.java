package com.cogov.contracts.pharmacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An administrative division (GB/T 2260). */
@Serdeable
@Schema(name = "District")
public record DistrictView(
        @Schema(example = "420106") String code,
        @Schema(example = "武昌区") String name) {}
