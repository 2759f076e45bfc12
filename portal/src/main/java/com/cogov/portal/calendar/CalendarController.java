package com.cogov.portal.calendar;

import com.cogov.api.calendar.CalendarService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.calendar.CalendarRequest;
import com.cogov.contracts.calendar.CalendarYearView;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * The official calendar behind every legal deadline (docs/platform: calendar): anyone signed in reads a year's
 * holidays and make-up working days; the city loads next year's when the State Council publishes it.
 */
@Controller("/portal/v1/calendar")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@SecurityRequirement(name = "bearer")
@Tag(name = "Calendar")
class CalendarController {

    private static final String YEAR_INVALID = "CALENDAR_INVALID: the year is not a number from 2000 to 2100";

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Get("/{year}")
    @Operation(
            operationId = "getCalendarYear",
            summary = "A year's holidays and make-up working days (only the exceptions to Monday–Friday)",
            description = "provisional is true while the year's notice is not loaded: deadlines in it then count"
                    + " Monday to Friday and are marked provisional.")
    @ProblemResponse(status = "400", codes = YEAR_INVALID)
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    CalendarYearView year(@Parameter(example = "2026") String year) {
        return calendar.year(parse(year));
    }

    @Put("/{year}")
    @Secured("CITY_ADMIN")
    @Operation(
            operationId = "loadCalendarYear",
            summary = "Load or replace a year's State Council holiday notice (city administrator)",
            description = "Every holiday and every make-up working day (a Saturday or Sunday) of the year; it replaces"
                    + " what the year had, and the deadlines falling in the year are recomputed. Audited.")
    @ProblemResponse(
            status = "400",
            codes = YEAR_INVALID + "; CALENDAR_INVALID (a date outside the year, twice, or a make-up working day"
                    + " on a weekday), VALIDATION_FAILED, MALFORMED_REQUEST")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: only the city administrator")
    CalendarYearView load(
            @Parameter(example = "2027") String year,
            @Body @Valid CalendarRequest request,
            @Parameter(hidden = true) Actor admin) {
        return calendar.load(admin, parse(year), request.days());
    }

    /** A year from the path: text that is not a number gets the calendar's own 400, not a framework error. */
    private static int parse(String year) {
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            return CalendarService.NOT_A_YEAR;
        }
    }
}
