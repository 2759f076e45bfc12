package com.cogov.contracts.complaint;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Complaints and reports received in a window, counted by category, district and status, and the share of the cases
 * closed (or rejected) in the window's receipts that were closed within their legal deadline.
 *
 * @param onTimeShare closedOnTime / closed, from 0 to 1; 1 when nothing was closed
 */
@Serdeable
@Schema(name = "ComplaintStatistics")
public record ComplaintStatisticsView(List<Row> rows, long cases, long closed, long closedOnTime, double onTimeShare) {

    @Serdeable
    @Schema(name = "ComplaintStatisticsRow")
    public record Row(ComplaintCategory category, String districtCode, ComplaintStatus status, long cases) {}
}
