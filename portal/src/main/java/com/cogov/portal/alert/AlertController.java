package com.cogov.portal.alert;

import com.cogov.api.alert.AlertService;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.alert.AlertDetailView;
import com.cogov.contracts.alert.AlertView;
import com.cogov.contracts.alert.TriageRequest;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;

/**
 * The alert worklist of the regulators' desk: city administrators see the city, district inspectors their district.
 * The filter's parameters are taken as text and read by the alert feature, the same way an ALERTS export reads them.
 */
@Controller("/portal/v1/alerts")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"CITY_ADMIN", "DISTRICT_INSPECTOR"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Alerts")
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @Get
    @Operation(
            operationId = "listAlerts",
            summary = "The alert worklist, newest first, buyers masked",
            description = "Filters combine. from/to: an ISO-8601 instant or a date (00:00 China time); to is exclusive;"
                    + " a span of at most 366 days. An inspector sees their own district only.")
    @ProblemResponse(
            status = "400",
            codes =
                    "QUERY_PARAMETER_INVALID (a malformed status, rule, district code, pharmacy id or time), MALFORMED_REQUEST,"
                            + " TIME_SPAN_INVALID, PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district inspector")
    @ProblemResponse(
            status = "404",
            codes = "DISTRICT_NOT_FOUND or PHARMACY_NOT_FOUND: unknown, or outside the inspector's district")
    Page<AlertView> list(
            @Nullable @QueryValue @Parameter(description = "OPEN, REVIEWING, DISMISSED or CONFIRMED") String status,
            @Nullable @QueryValue String districtCode,
            @Nullable @QueryValue @Parameter(description = "A rule code, e.g. MANY_DISTRICTS") String rule,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String pharmacyId,
            @Nullable @QueryValue String cursor,
            @Nullable @QueryValue @Parameter(description = "1 to 200, default 50") Integer limit,
            @Parameter(hidden = true) Actor actor) {
        Map<String, String> filter = new HashMap<>();
        filter.put("status", status);
        filter.put("districtCode", districtCode);
        filter.put("rule", rule);
        filter.put("from", from);
        filter.put("to", to);
        filter.put("pharmacyId", pharmacyId);
        return alerts.list(actor, filter, limit, cursor);
    }

    @Get("/{id}")
    @Operation(
            operationId = "getAlert",
            summary = "An alert with the sales behind it (masked, by public number) and its triage history")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district inspector")
    @ProblemResponse(status = "404", codes = "ALERT_NOT_FOUND: no such alert, or outside the inspector's district")
    AlertDetailView get(long id, @Parameter(hidden = true) Actor actor) {
        return alerts.get(actor, id);
    }

    @Post("/{id}/triage")
    @Operation(
            operationId = "triageAlert",
            summary = "Triage an alert: REVIEWING, DISMISSED or CONFIRMED (a note is required to dismiss or confirm)",
            description = "OPEN → REVIEWING → DISMISSED or CONFIRMED; OPEN may be dismissed or confirmed at once."
                    + " Every step is kept with who and when, and audited.")
    @ProblemResponse(status = "400", codes = "VALIDATION_FAILED, ALERT_NOTE_REQUIRED")
    @ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
    @ProblemResponse(status = "403", codes = "FORBIDDEN: not a city administrator or district inspector")
    @ProblemResponse(status = "404", codes = "ALERT_NOT_FOUND: no such alert, or outside the inspector's district")
    @ProblemResponse(status = "409", codes = "ALERT_TRANSITION_INVALID: e.g. a dismissed or confirmed alert")
    AlertDetailView triage(long id, @Body @Valid TriageRequest request, @Parameter(hidden = true) Actor actor) {
        return alerts.triage(actor, id, request);
    }
}
