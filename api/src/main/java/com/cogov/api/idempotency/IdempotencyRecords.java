package com.cogov.api.idempotency;

import com.cogov.api.shared.CogovException;
import com.cogov.api.shared.DuplicateKey;
import com.cogov.contracts.error.ErrorCode;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Table {@code idempotent_request}; every statement joins the caller's transaction. */
@Singleton
class IdempotencyRecords {

    private final JdbcOperations jdbc;

    IdempotencyRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the key, or answers false when it is taken. The primary key makes this insert wait for an uncommitted
     * request with the same key, then fail if that one committed.
     */
    boolean claim(IdempotentRequest r) {
        return jdbc.prepareStatement(
                "INSERT INTO idempotent_request (scope, owner, idempotency_key, request_hash) VALUES (?,?,?,?)", ps -> {
                    ps.setString(1, r.scope());
                    ps.setString(2, r.owner());
                    ps.setString(3, r.key());
                    ps.setString(4, r.requestHash());
                    try {
                        ps.executeUpdate();
                        return true;
                    } catch (SQLException e) {
                        if (DuplicateKey.violated(e, null)) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    void answer(IdempotentRequest r, long resultId) {
        jdbc.prepareStatement(
                "UPDATE idempotent_request SET result_id = ? WHERE scope = ? AND owner = ? AND idempotency_key = ?",
                ps -> {
                    ps.setLong(1, resultId);
                    ps.setString(2, r.scope());
                    ps.setString(3, r.owner());
                    ps.setString(4, r.key());
                    return ps.executeUpdate();
                });
    }

    /**
     * What the key's first request created. A locking read: the caller's snapshot may predate the commit that made
     * the key taken, and a plain read would not see it.
     */
    long earlierResult(IdempotentRequest r) {
        return jdbc.prepareStatement(
                "SELECT request_hash, result_id FROM idempotent_request"
                        + " WHERE scope = ? AND owner = ? AND idempotency_key = ? LOCK IN SHARE MODE",
                ps -> {
                    ps.setString(1, r.scope());
                    ps.setString(2, r.owner());
                    ps.setString(3, r.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("idempotency key vanished: " + r.scope());
                        }
                        if (!rs.getString(1).equals(r.requestHash())) {
                            throw new CogovException(
                                    ErrorCode.IDEMPOTENCY_KEY_REUSED, "幂等键 " + r.key() + " 已用于内容不同的另一次提交；新的提交请使用新的幂等键");
                        }
                        return rs.getLong(2);
                    }
                });
    }
}
