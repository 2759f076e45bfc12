package com.cogov.api.job;

import com.cogov.api.shared.Actor;
import com.cogov.contracts.account.Role;
import com.cogov.contracts.job.JobState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job table. Every change of state is one conditional UPDATE: a job is claimed only while QUEUED, and a running
 * job is written only by the node that holds it ({@code claimed_by}), so two nodes never run one job and a node that
 * lost its claim (it stalled, and the job was re-queued) cannot overwrite the run that took over.
 */
@Singleton
class JobStore {

    private static final String COLUMNS = "id, type, owner_account_id, owner_role, owner_pharmacy_id,"
            + " owner_district_code, owner_enterprise_id, state, total, done, errors, message, params, checkpoint,"
            + " result, created_at, started_at, finished_at";

    private final JdbcOperations jdbc;

    JobStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    long insert(String type, Actor owner, String params, Instant now) {
        String sql = "INSERT INTO job (type, owner_account_id, owner_role, owner_pharmacy_id, owner_district_code,"
                + " owner_enterprise_id, state, params, created_at) VALUES (?,?,?,?,?,?,?,?,?)";
        return jdbc.execute(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, type);
                ps.setObject(2, owner.accountId(), Types.BIGINT);
                ps.setString(3, owner.role() == null ? null : owner.role().name());
                ps.setObject(4, owner.pharmacyId(), Types.BIGINT);
                ps.setString(5, owner.districtCode());
                ps.setObject(6, owner.enterpriseId(), Types.BIGINT);
                ps.setString(7, JobState.QUEUED.name());
                ps.setString(8, params);
                ps.setTimestamp(9, Timestamp.from(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Transactional
    Optional<StoredJob> find(long id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** The oldest queued jobs, to claim. */
    @Transactional
    List<Long> queued(int limit) {
        return jdbc.prepareStatement(
                "SELECT id FROM job WHERE state = 'QUEUED' AND cancel_requested = FALSE ORDER BY id LIMIT ?", ps -> {
                    ps.setInt(1, limit);
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                        }
                    }
                    return ids;
                });
    }

    @Transactional
    boolean claim(long id, String node, Instant now) {
        return update(
                        "UPDATE job SET state = 'RUNNING', claimed_by = ?, heartbeat_at = ?,"
                                + " started_at = COALESCE(started_at, ?)"
                                + " WHERE id = ? AND state = 'QUEUED' AND cancel_requested = FALSE",
                        node,
                        now,
                        now,
                        id)
                == 1;
    }

    /** @return whether this node still holds the job */
    @Transactional
    boolean progress(long id, String node, long done, long total, long errors, @Nullable String message, Instant now) {
        return update(
                        "UPDATE job SET done = ?, total = ?, errors = ?, message = ?, heartbeat_at = ?"
                                + " WHERE id = ? AND claimed_by = ? AND state = 'RUNNING'",
                        done,
                        total,
                        errors,
                        message,
                        now,
                        id,
                        node)
                == 1;
    }

    /** @return whether this node still holds the job */
    @Transactional
    boolean checkpoint(long id, String node, String checkpoint, long done, long errors, Instant now) {
        return update(
                        "UPDATE job SET checkpoint = ?, done = ?, errors = ?, heartbeat_at = ?"
                                + " WHERE id = ? AND claimed_by = ? AND state = 'RUNNING'",
                        checkpoint,
                        done,
                        errors,
                        now,
                        id,
                        node)
                == 1;
    }

    @Transactional
    boolean cancelRequested(long id) {
        return jdbc.prepareStatement("SELECT cancel_requested FROM job WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    @Transactional
    boolean finish(
            long id,
            String node,
            JobState state,
            long done,
            long total,
            long errors,
            @Nullable String message,
            @Nullable String result,
            Instant now) {
        return update(
                        "UPDATE job SET state = ?, done = ?, total = ?, errors = ?, message = ?, result = ?,"
                                + " finished_at = ?, claimed_by = NULL, heartbeat_at = NULL"
                                + " WHERE id = ? AND claimed_by = ? AND state = 'RUNNING'",
                        state.name(),
                        done,
                        total,
                        errors,
                        message,
                        result,
                        now,
                        id,
                        node)
                == 1;
    }

    /** A job not started yet ends at once; a running one is asked to stop. @return whether either happened */
    @Transactional
    boolean cancel(long id, long owner, Instant now) {
        return update(
                                "UPDATE job SET state = 'CANCELLED', cancel_requested = TRUE, finished_at = ?"
                                        + " WHERE id = ? AND owner_account_id = ? AND state = 'QUEUED'",
                                now,
                                id,
                                owner)
                        == 1
                || update(
                                "UPDATE job SET cancel_requested = TRUE"
                                        + " WHERE id = ? AND owner_account_id = ? AND state = 'RUNNING'",
                                id,
                                owner)
                        == 1;
    }

    @Transactional
    int heartbeat(String node, Instant now) {
        return update("UPDATE job SET heartbeat_at = ? WHERE claimed_by = ? AND state = 'RUNNING'", now, node);
    }

    /**
     * Jobs whose node stopped beating: cancelled ones end, the others are queued again to resume from their
     * checkpoint. Safe on every node at once: each row moves once.
     */
    @Transactional
    int requeueStalled(Instant beatBefore, Instant now) {
        int cancelled = update(
                "UPDATE job SET state = 'CANCELLED', claimed_by = NULL, finished_at = ?"
                        + " WHERE state = 'RUNNING' AND heartbeat_at < ? AND cancel_requested = TRUE",
                now,
                beatBefore);
        return cancelled
                + update(
                        "UPDATE job SET state = 'QUEUED', claimed_by = NULL"
                                + " WHERE state = 'RUNNING' AND heartbeat_at < ?",
                        beatBefore);
    }

    /** On an orderly shutdown: this node's running jobs go back to the queue for another node or the restart. */
    @Transactional
    int requeueOwn(String node) {
        return update(
                "UPDATE job SET state = 'QUEUED', claimed_by = NULL WHERE claimed_by = ? AND state = 'RUNNING'", node);
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, values);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (v == null) {
                ps.setNull(i + 1, Types.VARCHAR);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    private static StoredJob read(ResultSet rs) throws SQLException {
        String role = rs.getString("owner_role");
        Actor owner = new Actor(
                (Long) rs.getObject("owner_account_id", Long.class),
                role == null ? null : Role.valueOf(role),
                rs.getObject("owner_pharmacy_id", Long.class),
                rs.getString("owner_district_code"),
                rs.getObject("owner_enterprise_id", Long.class),
                null,
                "job-" + rs.getLong("id"));
        return new StoredJob(
                rs.getLong("id"),
                rs.getString("type"),
                owner,
                JobState.valueOf(rs.getString("state")),
                rs.getLong("total"),
                rs.getLong("done"),
                rs.getLong("errors"),
                rs.getString("message"),
                rs.getString("params"),
                rs.getString("checkpoint"),
                rs.getString("result"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
