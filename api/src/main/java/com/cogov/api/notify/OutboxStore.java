package com.cogov.api.notify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sender's side of the outbox. Each change of a row's state is one conditional {@code UPDATE} in its own short
 * transaction, on the database's clock: a row is claimed (PENDING to SENDING) by exactly one sender, whatever the
 * number of nodes, and only the claimant's outcome is written back.
 */
@Singleton
class OutboxStore {

    /** A claimed message with what sending it needs. {@code openid} is null when the recipient no longer can get it. */
    record Message(
            long id,
            int attempts,
            long inboxEntryId,
            String topic,
            String title,
            String body,
            Instant createdAt,
            @Nullable String openid) {}

    private final JdbcOperations jdbc;

    OutboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts back the sends whose claim ran out (the node stopped between claiming and recording the outcome): whether
     * WeChat got them is unknown, so they are tried again, or given up when out of attempts.
     */
    @Transactional
    int releaseExpiredClaims(int maxAttempts) {
        return update("""
                UPDATE notification_outbox
                SET state = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'PENDING' END,
                    claimed_until = NULL, next_attempt_at = CURRENT_TIMESTAMP(6),
                    last_error = 'outcome unknown: the sender stopped before recording it'
                WHERE state = 'SENDING' AND claimed_until < CURRENT_TIMESTAMP(6)""", maxAttempts);
    }

    /** The ids of messages due now, oldest due first. */
    @Transactional
    List<Long> due(int limit) {
        return jdbc.prepareStatement("""
                SELECT id FROM notification_outbox
                WHERE state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP(6)
                ORDER BY next_attempt_at, id LIMIT ?""", statement -> {
            statement.setInt(1, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        });
    }

    /** Takes the message for this sender: true for exactly one of any number of senders trying at once. */
    @Transactional
    boolean claim(long id, Duration lease) {
        return update("""
                        UPDATE notification_outbox
                        SET state = 'SENDING', attempts = attempts + 1,
                            claimed_until = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND
                        WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= CURRENT_TIMESTAMP(6)""", NotifySql.micros(lease), id) == 1;
    }

    /**
     * The claimed message. The openid is given only while the recipient is active and still opted in to the topic: an
     * opt-out or a disabled account after the notice stops the message.
     */
    @Transactional
    Optional<Message> claimed(long id) {
        return jdbc.prepareStatement("""
                SELECT o.id, o.attempts, i.id, i.topic, i.title, i.body, UNIX_TIMESTAMP(i.created_at),
                       CASE WHEN a.status = 'ACTIVE' AND s.account_id IS NOT NULL THEN a.wechat_openid END
                FROM notification_outbox o
                JOIN notification_inbox i ON i.id = o.inbox_entry_id
                JOIN account a ON a.id = i.account_id
                LEFT JOIN notification_subscription s ON s.account_id = a.id AND s.topic = i.topic
                WHERE o.id = ? AND o.state = 'SENDING'""", statement -> {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.<Message>empty();
                }
                return Optional.of(new Message(
                        rows.getLong(1),
                        rows.getInt(2),
                        rows.getLong(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        NotifySql.instant(rows.getBigDecimal(7)),
                        rows.getString(8)));
            }
        });
    }

    @Transactional
    void sent(long id) {
        update("""
                UPDATE notification_outbox
                SET state = 'SENT', sent_at = CURRENT_TIMESTAMP(6), claimed_until = NULL, last_error = NULL
                WHERE id = ? AND state = 'SENDING'""", id);
    }

    @Transactional
    void retryLater(long id, Duration wait, String reason) {
        update("""
                UPDATE notification_outbox
                SET state = 'PENDING', next_attempt_at = CURRENT_TIMESTAMP(6) + INTERVAL ? MICROSECOND,
                    claimed_until = NULL, last_error = ?
                WHERE id = ? AND state = 'SENDING'""", NotifySql.micros(wait), shorten(reason), id);
    }

    @Transactional
    void giveUp(long id, String reason) {
        update("""
                UPDATE notification_outbox SET state = 'FAILED', claimed_until = NULL, last_error = ?
                WHERE id = ? AND state = 'SENDING'""", shorten(reason), id);
    }

    private static String shorten(String reason) {
        return reason.length() <= 255 ? reason : reason.substring(0, 255);
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            List<Object> values = Arrays.asList(parameters);
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            return statement.executeUpdate();
        });
    }
}
