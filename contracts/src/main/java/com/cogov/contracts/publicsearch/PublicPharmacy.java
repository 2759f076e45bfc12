package com.cogov.contracts.publicsearch;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A pharmacy as the public finds it (药店查询): only what the shop shows at its door, never a person's data. */
@Serdeable
@Schema(name = "PublicPharmacy")
public record PublicPharmacy(
        long id,
        String name,
        String address,
        @Schema(example = "420106") String districtCode,
        @Schema(example = "武昌区") String districtName,

        @Nullable @Schema(nullable = true, description = "The shop's public number")
        String phone,

        @Nullable @Schema(nullable = true, example = "08:00-22:00")
        String openingHours,

        @Nullable
        @Schema(nullable = true, description = "From the opening hours in China time; absent when they are not known")
        Boolean openNow,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "From lat/lng, when given")
        Integer distanceMeters,

        @Schema(description = "A licensed pharmacist (执业药师) is marked on duty now")
        boolean pharmacistOnDuty,

        @Schema(description = "A collection point of the expired-drug recycling scheme")
        boolean acceptsExpiredDrugs,

        @Schema(description = "Sells special compound preparations (含特殊药品复方制剂; ID is checked)")
        boolean sellsSpecialCompounds,

        @Nullable @Schema(nullable = true, description = "GCJ-02, for a map")
        Double latitude,

        @Nullable @Schema(nullable = true, description = "GCJ-02, for a map")
        Double longitude) {}
