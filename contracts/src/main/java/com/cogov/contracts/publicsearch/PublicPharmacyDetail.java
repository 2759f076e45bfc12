package com.cogov.contracts.publicsearch;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One pharmacy for the public: the row, its licence number and its licensed pharmacists (no staff personal data). */
@Serdeable
@Schema(name = "PublicPharmacyDetail")
public record PublicPharmacyDetail(
        PublicPharmacy pharmacy,
        @Schema(description = "药品经营许可证编号") String licenseNumber,
        List<LicensedPharmacist> pharmacists) {

    /** As the public register of licensed pharmacists shows them. */
    @Serdeable
    @Schema(name = "LicensedPharmacist")
    public record LicensedPharmacist(String name, String licenseNumber, boolean onDuty) {}
}
