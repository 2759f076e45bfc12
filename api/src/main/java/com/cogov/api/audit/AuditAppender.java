package com.cogov.api.audit;

import com.cogov.api.shared.Actor;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the trail in two steps. {@link #stage} puts an entry into {@code audit_pending} inside the business
 * transaction it describes, so the entry commits or rolls back with it, and takes no lock anyone else waits for.
 * {@link #chainBatch} then moves committed entries into the hash chain in batches under the head lock, which is held
 * for one short transaction instead of from every business write to its commit. Kept apart from {@link AuditService}
 * so that both go through the transactional proxy.
 */
@Singleton
class AuditAppender {

    static final int BATCH = 500;

    private static final String COLUMNS = "occurred_at, actor_account_id, actor_role, actor_scope, action, target_type,"
            + " target_id, outcome, source_address, trace_id, details";
    // Written out rather than through a repository save: occurred_at must keep its microseconds (see SqlTime).
    private static final String STAGE = "INSERT INTO audit_pending (" + COLUMNS + ") VALUES (" + SqlTime.PLACEHOLDER
            + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT = "INSERT INTO audit_event (id, " + COLUMNS + ", prev_hash, hash)"
            + " VALUES (?, " + SqlTime.PLACEHOLDER + ", ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // UNIX_TIMESTAMP of a TIMESTAMP(6) column is its stored instant with all six fraction digits, whatever the
    // session's
    // time zone: the hash is computed over exactly the time that audit_event will hold.
    private static final String PENDING =
            "SELECT id, UNIX_TIMESTAMP(occurred_at), actor_account_id, actor_role, actor_scope,"
                    + " action, target_type, target_id, outcome, source_address, trace_id, details FROM audit_pending ORDER BY id LIMIT ?";

    private final AuditChainHeadRepository heads;
    private final JdbcOperations jdbc;

    AuditAppender(AuditChainHeadRepository heads, JdbcOperations jdbc) {
        this.heads = heads;
        this.jdbc = jdbc;
    }

    /** An entry as staged: its details already in canonical form. */
    record Entry(
            Actor actor,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            AuditOutcome outcome,
            @Nullable String details) {}

    /**
     * Joins the caller's transaction, so the entries exist exactly when the business write does. Without one, the
     * insert is a single statement that commits on its own: a transaction around it would cost three more round trips
     * (autocommit off, commit, autocommit on) on every audited read.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.SUPPORTS)
    public void stage(List<Entry> entries) {
        Instant now = AuditHashing.storable(Instant.now());
        jdbc.prepareStatement(STAGE, statement -> {
            for (Entry e : entries) {
                Actor actor = e.actor();
                bindContent(
                        statement,
                        1,
                        new AuditEvent(
                                0,
                                now,
                                actor.accountId(),
                                actor.role() == null ? null : actor.role().name(),
                                actor.scope(),
                                e.action(),
                                e.targetType(),
                                e.targetId(),
                                e.outcome().name(),
                                clip(actor.sourceAddress()),
                                clip(actor.traceId()),
                                e.details(),
                                "",
                                ""));
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Chains up to {@link #BATCH} committed staged entries, oldest staging first, and answers how many. The head lock
     * comes first, and READ COMMITTED lets the read after it see every entry committed up to then: two nodes chaining
     * at once queue on the lock, and the second finds only what the first left.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public int chainBatch() {
        AuditChainHead head = heads.lock();
        List<Staged> staged = jdbc.prepareStatement(PENDING, statement -> {
            statement.setInt(1, BATCH);
            List<Staged> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Staged(
                            rs.getLong(1),
                            new AuditEvent(
                                    0,
                                    SqlTime.instant(rs.getBigDecimal(2)),
                                    (Long) rs.getObject(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getString(9),
                                    rs.getString(10),
                                    rs.getString(11),
                                    rs.getString(12),
                                    "",
                                    "")));
                }
            }
            return rows;
        });
        if (staged.isEmpty()) {
            return 0;
        }
        long lastId = head.lastId();
        String lastHash = head.lastHash();
        List<AuditEvent> chained = new ArrayList<>(staged.size());
        for (Staged s : staged) {
            AuditEvent event = s.event().chained(++lastId, lastHash);
            chained.add(event);
            lastHash = event.hash();
        }
        insert(chained);
        String ids = String.join(
                ",", staged.stream().map(s -> Long.toString(s.pendingId())).toList());
        jdbc.prepareStatement("DELETE FROM audit_pending WHERE id IN (" + ids + ")", PreparedStatement::executeUpdate);
        heads.advance(lastId, lastHash);
        return staged.size();
    }

    private record Staged(long pendingId, AuditEvent event) {}

    private void insert(List<AuditEvent> events) {
        jdbc.prepareStatement(INSERT, statement -> {
            for (AuditEvent e : events) {
                bind(statement, e);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** The chain's row: its id, the content as staged, and its link and hash. */
    private static void bind(PreparedStatement statement, AuditEvent e) throws SQLException {
        statement.setLong(1, e.id());
        bindContent(statement, 2, e);
        statement.setString(13, e.prevHash());
        statement.setString(14, e.hash());
    }

    /** The eleven content columns ({@link #COLUMNS}), from parameter {@code first} on. */
    private static void bindContent(PreparedStatement statement, int first, AuditEvent e) throws SQLException {
        statement.setBigDecimal(first, SqlTime.epochSeconds(e.occurredAt()));
        statement.setObject(first + 1, e.actorAccountId());
        statement.setString(first + 2, e.actorRole());
        statement.setString(first + 3, e.actorScope());
        statement.setString(first + 4, e.action());
        statement.setString(first + 5, e.targetType());
        statement.setString(first + 6, e.targetId());
        statement.setString(first + 7, e.outcome());
        statement.setString(first + 8, e.sourceAddress());
        statement.setString(first + 9, e.traceId());
        statement.setString(first + 10, e.details());
    }

    /** Address and trace id arrive from outside; a longer value is cut to the column rather than refused. */
    @Nullable
    private static String clip(@Nullable String value) {
        return value == null || value.length() <= 64 ? value : value.substring(0, 64);
    }
}
