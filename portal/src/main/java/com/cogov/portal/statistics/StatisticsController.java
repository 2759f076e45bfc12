package com.cogov.portal.statistics;

import com.cogov.api.shared.Actor;
import com.cogov.api.statistics.StatisticsService;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.statistics.StatisticsOverview;
import com.cogov.contracts.statistics.StatisticsTable;
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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics and the dashboard (docs/statistics.md). Parameters arrive as text and are checked by the statistics
 * feature's one parser (the STATISTICS export uses it too), so both answer bad input with the same codes.
 */
@Controller("/portal/v1/statistics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Statistics")
class StatisticsController {

    private final StatisticsService statistics;

    StatisticsController(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @Get("/registrations")
    @Operation(
            summary = "Registrations counted per day, district, pharmacy, drug or category, with totals",
            description = "Whole China days from from's day through to's day (both included; default the last 30"
                    + " days), at most 366. A district inspector counts their own district only.")
    @ProblemResponse(
            status = "400",
            codes = "QUERY_PARAMETER_INVALID (groupBy, from, to, districtCode) or TIME_SPAN_INVALID (to before"
                    + " from, over 366 days)")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only city administrators and district inspectors")
    @ProblemResponse(status = "404", codes = "DISTRICT_NOT_FOUND: unknown, or not the inspector's district")
    StatisticsTable statisticsOfRegistrations(
            @Parameter(description = "day (default), district, pharmacy, drug or category") @Nullable @QueryValue
                    String groupBy,
            @Parameter(description = "An ISO-8601 instant or a date (China time)") @Nullable @QueryValue String from,
            @Parameter(description = "An ISO-8601 instant or a date (China time); its day is included")
                    @Nullable
                    @QueryValue
                    String to,
            @Parameter(description = "A district (default: the city, or the inspector's own)") @Nullable @QueryValue
                    String districtCode,
            @Parameter(hidden = true) Actor actor) {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "groupBy", groupBy);
        put(parameters, "from", from);
        put(parameters, "to", to);
        put(parameters, "districtCode", districtCode);
        return statistics.registrations(actor, parameters);
    }

    @Get("/overview")
    @Operation(
            summary = "The dashboard of one China day",
            description = "The day against the same weekday a week before, 30 days as a series, the top 10 drugs and"
                    + " the districts over those days, open alerts by rule, and active pharmacies that registered"
                    + " nothing in 14 days.")
    @ProblemResponse(status = "400", codes = "QUERY_PARAMETER_INVALID: date is not a date")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only city administrators and district inspectors")
    StatisticsOverview statisticsOverview(
            @Parameter(description = "A China day, e.g. 2026-12-03 (default: today)") @Nullable @QueryValue String date,
            @Parameter(hidden = true) Actor actor) {
        return statistics.overview(actor, date);
    }

    private static void put(Map<String, String> parameters, String name, @Nullable String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
