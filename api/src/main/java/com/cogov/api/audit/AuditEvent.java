package com.cogov.api.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One row of the trail. The id is not generated: {@link AuditAppender} assigns the next one under the head lock when it
 * chains a staged entry, so that ids have no gaps and a missing id means a removed row.
 */
@MappedEntity("audit_event")
record AuditEvent(
        @Id long id,
        Instant occurredAt,
        @Nullable Long actorAccountId,
        @Nullable String actorRole,
        String actorScope,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        String outcome,
        @Nullable String sourceAddress,
        @Nullable String traceId,
        @Nullable String details,
        String prevHash,
        String hash) {

    /** This row with its hash computed over its content and its link to the row before. */
    AuditEvent sealed() {
        return with(id, prevHash, AuditHashing.hash(this));
    }

    /** This staged content as the chain's row {@code id}, linked to the row before it and sealed. */
    AuditEvent chained(long chainId, String previousHash) {
        return with(chainId, previousHash, "").sealed();
    }

    private AuditEvent with(long rowId, String previous, String rowHash) {
        return new AuditEvent(
                rowId,
                occurredAt,
                actorAccountId,
                actorRole,
                actorScope,
                action,
                targetType,
                targetId,
                outcome,
                sourceAddress,
                traceId,
                details,
                previous,
                rowHash);
    }
}
