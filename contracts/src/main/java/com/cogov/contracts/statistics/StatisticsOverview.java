package com.cogov.contracts.statistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** The regulator's dashboard for one China day, for the caller's scope (the city, or the inspector's district). */
@Serdeable
@Schema(name = "StatisticsOverview")
public record StatisticsOverview(
        LocalDate date,

        @Schema(description = "The district counted; absent for the whole city", nullable = true) @Nullable
        String districtCode,

        @Schema(description = "The day's figures") StatisticsRow today,

        @Schema(description = "The same weekday a week before, to compare with")
        StatisticsRow sameWeekdayLastWeek,

        @Schema(description = "The 30 days up to the date, oldest first, one row per day (days without sales too)")
        List<StatisticsRow> last30Days,

        @Schema(description = "The 10 drugs with most packages sold in those 30 days")
        List<StatisticsRow> topDrugs,

        @Schema(description = "Sales per district in those 30 days")
        List<StatisticsRow> districts,

        @Schema(description = "Alerts still OPEN, per rule") List<RuleCount> openAlerts,
        DormantPharmacies dormantPharmacies) {

    @Serdeable
    @Schema(name = "StatisticsRuleCount")
    public record RuleCount(String rule, long count) {}

    /** Active pharmacies with no registration in the 14 days up to the date: the ones that may sell unregistered. */
    @Serdeable
    @Schema(name = "DormantPharmacies")
    public record DormantPharmacies(
            long count,

            @Schema(description = "The first 100 by id; count has them all")
            List<DormantPharmacy> items) {}

    @Serdeable
    @Schema(name = "DormantPharmacy")
    public record DormantPharmacy(
            long pharmacyId,
            String name,
            String districtCode,

            @Schema(description = "The last China day it registered a sale; absent if never", nullable = true) @Nullable
            LocalDate lastRegistrationDay) {}
}
