package com.cogov.contracts.statistics;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** One line of a statistics table: the sales of one day, district, pharmacy, drug or category. */
@Serdeable
@Schema(name = "StatisticsRow")
public record StatisticsRow(
        @Schema(
                description = "What the row groups by: a date (2026-12-03), a district code, a pharmacy or drug id, a"
                        + " category code; TOTAL for the totals")
        String key,

        @Schema(description = "The key as a regulator reads it (the district's, pharmacy's, drug's or category's name)")
        String label,

        @Schema(description = "Sales registered and not voided")
        long sales,

        @Schema(description = "Smallest packages sold in those sales")
        long packages,

        @Schema(
                description = "Distinct buyers of those sales: exact for one day of one district, pharmacy, drug or"
                        + " category (or the city); over several days or districts estimated within ±3.3 % (95 %)")
        long distinctBuyers,

        @Schema(description = "Sales (not voided) that carried a warning")
        long warnings,

        @Schema(description = "BLOCK findings of sales refused at the counter")
        long blocks,

        @Schema(description = "Sales voided") long voids) {}
