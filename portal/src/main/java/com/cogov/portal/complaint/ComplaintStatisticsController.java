package com.cogov.portal.complaint;

import com.cogov.api.complaint.ComplaintService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.complaint.ComplaintStatisticsView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Complaint and report statistics for the regulators (docs/complaints.md): the city, or an inspector's district. */
@Controller("/portal/v1/statistics/complaints")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Complaints")
class ComplaintStatisticsController {

    private final ComplaintService complaints;

    ComplaintStatisticsController(ComplaintService complaints) {
        this.complaints = complaints;
    }

    @Get
    @Operation(
            operationId = "complaintStatistics",
            summary = "Cases received in a window by category, district and status, and the share closed on time",
            description = "from and to are required (ISO-8601 instants, or a date meaning 00:00 China time; to is"
                    + " exclusive; at most 366 days). An inspector sees their own district.")
    @ProblemResponse(status = "400", codes = "TIME_SPAN_INVALID, COMPLAINT_QUERY_INVALID (a malformed district code)")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district inspector")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or outside the inspector's district")
    ComplaintStatisticsView statistics(
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String districtCode,
            @Parameter(hidden = true) Actor handler) {
        return complaints.statistics(handler, from, to, districtCode);
    }
}
