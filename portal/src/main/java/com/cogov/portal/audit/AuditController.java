package com.cogov.portal.audit;

import com.cogov.api.audit.AuditQuery;
import com.cogov.api.audit.AuditService;
import com.cogov.api.shared.Actor;
import com.cogov.contracts.audit.AuditPageView;
import com.cogov.contracts.audit.AuditVerificationView;
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
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @Get("/events")
    @Secured("CITY_ADMIN")
    @Operation(
            summary = "Search the audit trail, newest first",
            description = "Filters combine: actor, action (exact, or a prefix like account.*), target, time window.")
    AuditPageView search(
            @Nullable @QueryValue Long actorAccountId,
            @Nullable @QueryValue String action,
            @Nullable @QueryValue String targetType,
            @Nullable @QueryValue String targetId,
            @Nullable @QueryValue Instant from,
            @Nullable @QueryValue Instant to,
            @QueryValue(defaultValue = "0") int page,
            @QueryValue(defaultValue = "50") int size) {
        return audit.search(new AuditQuery(actorAccountId, action, targetType, targetId, from, to, page, size));
    }

    @Post("/verification")
    @Secured("OPERATOR")
    @Operation(summary = "Verify the hash chain now; reports the first entry changed, removed or out of place")
    AuditVerificationView verify(@Parameter(hidden = true) Actor operator) {
        return audit.verify(operator).view();
    }
}
