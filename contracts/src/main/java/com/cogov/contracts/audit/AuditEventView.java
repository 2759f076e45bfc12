package com.cogov.contracts.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** One entry of the audit trail as the audit search shows it. It never holds a plaintext personal value. */
@Serdeable
@Schema(name = "AuditEvent")
public record AuditEventView(
        @Schema(description = "Position in the hash chain; ids have no gaps")
        long id,

        @Schema(description = "When it happened (UTC, microseconds)")
        Instant occurredAt,

        @Nullable @Schema(description = "Account that acted; absent for the system and for anonymous callers")
        Long actorAccountId,

        @Nullable @Schema(description = "Role of the actor", example = "CITY_ADMIN")
        String actorRole,

        @Schema(description = "Scope of the actor", example = "district:420106")
        String actorScope,

        @Schema(description = "What was done, dotted lowercase", example = "account.login.failed")
        String action,

        @Nullable @Schema(description = "Kind of the object acted on", example = "account")
        String targetType,

        @Nullable @Schema(description = "Key of the object acted on", example = "42")
        String targetId,

        @Schema(description = "SUCCESS, FAILURE or DENIED") String outcome,

        @Nullable @Schema(description = "Client address as the edge proxy reported it")
        String sourceAddress,

        @Nullable @Schema(description = "Trace id of the request, as in the logs")
        String traceId,

        @Schema(description = "Further facts, e.g. the reason of a failure; empty when none")
        Map<String, String> details) {}
