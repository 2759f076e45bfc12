package com.cogov.api.contentcheck;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code content_check_media}: the images sent to WeChat and their verdicts. Joins the caller's transaction. */
@Singleton
class MediaCheckStore {

    static final String UNSENT = "UNSENT";
    static final String PENDING = "PENDING";

    record Row(String fileId, String purpose, long accountId, String state, int attempts) {}

    private final JdbcOperations jdbc;

    MediaCheckStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void insert(String fileId, String purpose, long accountId, Instant firstAttemptAt) {
        jdbc.prepareStatement(
                "INSERT INTO content_check_media (file_id, purpose, account_id, state, next_attempt_at)"
                        + " VALUES (?,?,?,'UNSENT',?)",
                ps -> {
                    ps.setString(1, fileId);
                    ps.setString(2, purpose);
                    ps.setLong(3, accountId);
                    ps.setTimestamp(4, Timestamp.from(firstAttemptAt));
                    return ps.executeUpdate();
                });
    }

    /** A row still waiting for its verdict; empty once decided. */
    @Transactional
    Optional<Row> open(String fileId) {
        return jdbc.prepareStatement(
                "SELECT file_id, purpose, account_id, state, attempts FROM content_check_media"
                        + " WHERE file_id = ? AND state IN ('UNSENT','PENDING')",
                ps -> {
                    ps.setString(1, fileId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Row(
                                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
                                : Optional.empty();
                    }
                });
    }

    /** Images to send: never sent (or WeChat was down) and due, or sent without a verdict by their timeout. */
    @Transactional
    List<String> due(Instant now, int limit) {
        return jdbc.prepareStatement(
                "SELECT file_id FROM content_check_media WHERE state IN ('UNSENT','PENDING') AND next_attempt_at <= ?"
                        + " ORDER BY next_attempt_at LIMIT ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setInt(2, limit);
                    List<String> ids = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getString(1));
                        }
                    }
                    return ids;
                });
    }

    /** WeChat took it: the verdict comes by callback under this trace id, or the image is sent again at timeoutAt. */
    @Transactional
    void sent(String fileId, String traceId, Instant now, Instant timeoutAt) {
        jdbc.prepareStatement(
                "UPDATE content_check_media SET state = 'PENDING', trace_id = ?, sent_at = ?, attempts = attempts + 1,"
                        + " next_attempt_at = ? WHERE file_id = ? AND state IN ('UNSENT','PENDING')",
                ps -> {
                    ps.setString(1, traceId);
                    ps.setTimestamp(2, Timestamp.from(now));
                    ps.setTimestamp(3, Timestamp.from(timeoutAt));
                    ps.setString(4, fileId);
                    return ps.executeUpdate();
                });
    }

    /** Not sent this time (WeChat down, no public address yet): tried again at retryAt. */
    @Transactional
    void failed(String fileId, Instant retryAt) {
        jdbc.prepareStatement(
                "UPDATE content_check_media SET attempts = attempts + 1, next_attempt_at = ?"
                        + " WHERE file_id = ? AND state IN ('UNSENT','PENDING')",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(retryAt));
                    ps.setString(2, fileId);
                    return ps.executeUpdate();
                });
    }

    /**
     * Records the verdict of the image WeChat checked under this trace id, once: a repeated callback (or one for a
     * trace id a re-send replaced) changes nothing. @return the image's file id and purpose when this call decided it
     */
    @Transactional
    Optional<Row> decide(String traceId, String verdict, @Nullable Integer label, Instant now) {
        Optional<Row> row = jdbc.prepareStatement(
                "SELECT file_id, purpose, account_id, state, attempts FROM content_check_media WHERE trace_id = ?"
                        + " AND state = 'PENDING' FOR UPDATE",
                ps -> {
                    ps.setString(1, traceId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new Row(
                                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5)))
                                : Optional.<Row>empty();
                    }
                });
        row.ifPresent(r -> jdbc.prepareStatement(
                "UPDATE content_check_media SET state = ?, label = ?, decided_at = ? WHERE file_id = ?", ps -> {
                    ps.setString(1, verdict);
                    if (label == null) {
                        ps.setNull(2, java.sql.Types.INTEGER);
                    } else {
                        ps.setInt(2, label);
                    }
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setString(4, r.fileId());
                    return ps.executeUpdate();
                }));
        return row;
    }
}
