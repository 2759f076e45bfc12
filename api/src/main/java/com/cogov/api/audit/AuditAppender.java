package com.cogov.api.audit;

import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
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

    // Written out rather than through a repository save: occurred_at must keep its microseconds (see SqlTime).
    private static final String INSERT = "INSERT INTO audit_event (id, occurred_at, actor_account_id, actor_role,"
            + " actor_scope, action, target_type, target_id, outcome, source_address, trace_id, details, prev_hash, hash)"
            + " VALUES (?, " + SqlTime.PLACEHOLDER + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AuditChainHeadRepository heads;
    private final JdbcOperations jdbc;

    AuditAppender(AuditChainHeadRepository heads, JdbcOperations jdbc) {
        this.heads = heads;
        this.jdbc = jdbc;
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
        insert(event);
        heads.advance(event.id(), event.hash());
        return event;
    }

    private void insert(AuditEvent e) {
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setLong(1, e.id());
            statement.setBigDecimal(2, SqlTime.epochSeconds(e.occurredAt()));
            statement.setObject(3, e.actorAccountId());
            statement.setString(4, e.actorRole());
            statement.setString(5, e.actorScope());
            statement.setString(6, e.action());
            statement.setString(7, e.targetType());
            statement.setString(8, e.targetId());
            statement.setString(9, e.outcome());
            statement.setString(10, e.sourceAddress());
            statement.setString(11, e.traceId());
            statement.setString(12, e.details());
            statement.setString(13, e.prevHash());
            statement.setString(14, e.hash());
            return statement.executeUpdate();
        });
    }

    /** Address and trace id arrive from outside; a longer value is cut to the column rather than refused. */
    @Nullable
    private static String clip(@Nullable String value) {
        return value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }
}
