package com.cogov.portal.audit;

import com.cogov.api.audit.AuditQuery;
import com.cogov.api.audit.AuditService;
import com.cogov.api.paging.PageRequest;
import com.cogov.api.shared.Actor;
import com.cogov.api.web.ProblemResponse;
import com.cogov.contracts.audit.AuditEventView;
import com.cogov.contracts.audit.AuditVerificationView;
import com.cogov.contracts.paging.Page;
import io.micronaut.core.annotation.Nullable;
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
import java.time.Instant;

@Controller("/portal/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@SecurityRequirement(name = "bearer")
@Tag(name = "Audit")
@ProblemResponse(status = "401", codes = "UNAUTHENTICATED, TOKEN_INVALID")
@ProblemResponse(status = "403", codes = "FORBIDDEN: the search is the city administrator's, the check the operator's")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get("/events")
    @Secured("CITY_ADMIN")
    @Operation(
            operationId = "searchAuditEvents",
            summary = "Search the audit trail, newest first",
            description = "Filters combine: actor, action (exact, or a prefix like account.*), target, time window. "
                    + "Paged by cursor: pass the answer's nextCursor back as cursor for the next page.")
    @ProblemResponse(
            status = "400",
            codes = "PAGE_LIMIT_INVALID, PAGE_CURSOR_INVALID; VALIDATION_FAILED: a malformed action, targetId without "
                    + "targetType, from not before to; MALFORMED_REQUEST: a number or time that does not parse")
    Page<AuditEventView> search(
            @Nullable @QueryValue Long actorAccountId,
            @Nullable @QueryValue String action,
            @Nullable @QueryValue String targetType,
            @Nullable @QueryValue String targetId,
            @Nullable @QueryValue Instant from,
            @Nullable @QueryValue Instant to,
            @Nullable @QueryValue @Parameter(description = "Entries per page, 1 to 200 (default 50)") Integer limit,
            @Nullable @QueryValue @Parameter(description = "The previous page's nextCursor") String cursor) {
        return audit.search(
                new AuditQuery(actorAccountId, action, targetType, targetId, from, to, PageRequest.of(limit, cursor)));
    }

    @Post("/verification")
    @Secured("OPERATOR")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Verify the hash chain now; reports the first entry changed, removed or out of place")
    AuditVerificationView verify(@Parameter(hidden = true) Actor operator) {
        return audit.verify(operator).view();
    }
}
