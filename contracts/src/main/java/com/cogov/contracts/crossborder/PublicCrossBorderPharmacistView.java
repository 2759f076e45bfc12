package com.cogov.contracts.crossborder;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;

/** What the public checks: who, under which Macau licence, where they may practise, until when, and whether now. */
@Serdeable
@Schema(name = "PublicCrossBorderPharmacist")
public record PublicCrossBorderPharmacistView(
        long id,
        String nameZh,
        String namePt,
        String licenseNumber,
        PractisingPlace practisingPlace,
        LocalDate validUntil,
        CrossBorderStatus status) {

    /** The pharmacy where the registration allows them to practise. */
    @Serdeable
    @Schema(name = "CrossBorderPractisingPlace")
    public record PractisingPlace(long pharmacyId, String name, String address, String districtCode) {}
}
