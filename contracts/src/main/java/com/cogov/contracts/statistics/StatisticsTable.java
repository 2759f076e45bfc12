package com.cogov.contracts.statistics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/** Ad-hoc statistics (临时数据统计): the rows of one grouping over China days, and their totals. */
@Serdeable
@Schema(name = "StatisticsTable")
public record StatisticsTable(
        @Schema(description = "day, district, pharmacy, drug or category")
        String groupBy,

        @Schema(description = "First China day counted") LocalDate from,

        @Schema(description = "Last China day counted (inclusive)")
        LocalDate to,

        @Schema(description = "The district counted; absent for the whole city", nullable = true) @Nullable
        String districtCode,

        @Schema(description = "Newest day first for day; otherwise most sales first")
        List<StatisticsRow> rows,

        StatisticsRow totals) {}
