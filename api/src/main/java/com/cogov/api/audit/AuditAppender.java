package com.cogov.api.audit;

import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Appends one checked entry to the chain. Kept apart from {@link AuditService} so that every append, including the
 * service's own {@code audit.verify} entries, goes through the transactional proxy: the head lock only serialises
 * appends when it is held until commit.
 */
@Singleton
class AuditAppender {

    private final AuditChainHeadRepository heads;
    private final AuditEventRepository events;

    AuditAppender(AuditChainHeadRepository heads, AuditEventRepository events) {
        this.heads = heads;
        this.events = events;
    }

    @Transactional
    public AuditEvent append(Actor actor, String action, @Nullable String targetType, @Nullable String targetId,
                             AuditOutcome outcome, @Nullable String details) {
        AuditChainHead head = heads.lock();
        // The time is taken under the lock, so occurred_at follows the chain order (clock skew between nodes aside).
        Instant occurredAt = AuditHashing.storable(Instant.now());
        AuditEvent event = new AuditEvent(head.lastId() + 1, occurredAt, actor.accountId(),
                actor.role() == null ? null : actor.role().name(), actor.scope(), action, targetType, targetId,
                outcome.name(), clip(actor.sourceAddress()), clip(actor.traceId()), details, head.lastHash(), "")
                .sealed();
        events.save(event);
        heads.advance(event.id(), event.hash());
        return event;
    }

    /** Address and trace id arrive from outside; a longer value is cut to the column rather than refused. */
    @Nullable
    private static String clip(@Nullable String value) {
        return value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }
}
