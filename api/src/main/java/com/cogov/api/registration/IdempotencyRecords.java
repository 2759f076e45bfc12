package com.cogov.api.registration;

import com.cogov.api.shared.DuplicateKey;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Table {@code registration_request}: each accepted sale's idempotency key, the request's hash and the answer given,
 * written in the sale's own transaction so that a key is used exactly when its sale exists.
 */
@Singleton
class IdempotencyRecords {

    private final JdbcOperations jdbc;

    IdempotencyRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What a key was used for: the request's hash and the answer given. */
    record Answered(String requestHash, String response) {}

    /**
     * An idempotency key, which is a pharmacy's own. Keys are letters, digits, - and _, and the column compares them
     * without regard to case (utf8mb4_unicode_ci): so does this record, or a key read back in other letters would not
     * be found again.
     */
    record RequestKey(long pharmacyId, String key) {
        RequestKey {
            key = key.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The answer given to a key: written in the sale's transaction, so the key is used exactly when the sale exists. */
    record Answer(long pharmacyId, String key, String requestHash, long registrationId, String response) {}

    // Single statements read on a connection without a transaction (@Connectable): a transaction around one SELECT
    // costs three more round trips (autocommit off, commit, autocommit on) and buys nothing.
    @Connectable
    Optional<Answered> answered(long pharmacyId, String key) {
        RequestKey requestKey = new RequestKey(pharmacyId, key);
        return Optional.ofNullable(answered(List.of(requestKey)).get(requestKey));
    }

    /** The answers already given to any of the keys, in one statement; joins the caller's transaction if there is one. */
    @Connectable
    Map<RequestKey, Answered> answered(Collection<RequestKey> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        String sql = "SELECT pharmacy_id, idempotency_key, request_hash, response FROM registration_request WHERE "
                + String.join(
                        " OR ",
                        java.util.Collections.nCopies(keys.size(), "(pharmacy_id = ? AND idempotency_key = ?)"));
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (RequestKey k : keys) {
                ps.setLong(i++, k.pharmacyId());
                ps.setString(i++, k.key());
            }
            Map<RequestKey, Answered> answered = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answered.put(
                            new RequestKey(rs.getLong(1), rs.getString(2)),
                            new Answered(rs.getString(3), rs.getString(4)));
                }
            }
            return answered;
        });
    }

    /**
     * Joins the caller's transaction. Answers false, and writes none of them, when a key was already used: the
     * primary key makes this insert wait for an uncommitted request with the same key, then fail if it committed.
     */
    @Transactional
    boolean recordAnswers(List<Answer> answers) {
        return jdbc.prepareStatement(
                "INSERT INTO registration_request (pharmacy_id, idempotency_key, request_hash, registration_id,"
                        + " response) VALUES (?,?,?,?,?)",
                ps -> {
                    for (Answer a : answers) {
                        Statements.bind(
                                ps,
                                List.of(a.pharmacyId(), a.key(), a.requestHash(), a.registrationId(), a.response()));
                        ps.addBatch();
                    }
                    try {
                        ps.executeBatch();
                        return true;
                    } catch (SQLException e) {
                        // A batch reports a duplicate as BatchUpdateException, with the driver's error as its cause.
                        if (DuplicateKey.violated(e, null)) {
                            return false;
                        }
                        throw e;
                    }
                });
    }
}
