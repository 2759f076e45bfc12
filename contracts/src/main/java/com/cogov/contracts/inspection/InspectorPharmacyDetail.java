package com.cogov.contracts.inspection;

import com.cogov.contracts.alert.AlertView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * A pharmacy as the inspector sees it on site: its licence and credit code, its staff (forms of address, phones
 * masked), its sales today and in the last 7 days (from the statistics rollup, a few seconds behind), its open alerts
 * and its last inspections.
 */
@Serdeable
@Schema(name = "InspectorPharmacyDetail")
public record InspectorPharmacyDetail(
        long id,
        String name,
        String licenseNumber,
        String creditCode,
        @Schema(example = "420106") String districtCode,
        String address,
        @Nullable @Schema(nullable = true) String openingHours,
        @Nullable @Schema(nullable = true) String phone,

        @Nullable @Schema(nullable = true, description = "GCJ-02")
        BigDecimal latitude,

        @Nullable @Schema(nullable = true, description = "GCJ-02")
        BigDecimal longitude,

        String status,
        List<Staff> staff,
        long salesToday,
        long salesLast7Days,
        List<AlertView> openAlerts,
        List<InspectionSummary> lastInspections) {

    /** @param formOfAddress the surname and the role, e.g. 李店长: never the full name */
    @Serdeable
    @Schema(name = "InspectorPharmacyStaff")
    public record Staff(
            long id,
            @Schema(example = "PHARMACY_MANAGER") String role,
            @Schema(example = "李店长") String formOfAddress,

            @Nullable @Schema(nullable = true, example = "138****5678")
            String phone,

            boolean active) {}
}
