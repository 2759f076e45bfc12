package com.cogov.api.notify;

import com.cogov.api.paging.Cursor;
import com.cogov.api.paging.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The inbox and the opt-ins. A notice is written with two set-based statements that pick the recipients from the
 * account table in the caller's transaction: a district's active inspectors as they are when the change commits.
 * A notice key met again is skipped by the unique keys ({@code ON DUPLICATE KEY UPDATE} a no-op: unlike
 * {@code INSERT IGNORE}, it turns no other error into a warning).
 */
@Singleton
class InboxStore {

    /**
     * Who a notice goes to: one of a few fixed conditions on {@code account a}, with its one bound value (never text
     * from a request).
     */
    record Recipients(String condition, Object value) {

        static Recipients inspectorsOf(String districtCode) {
            return new Recipients(
                    "a.district_code = ? AND a.role = 'DISTRICT_INSPECTOR' AND a.status = 'ACTIVE'", districtCode);
        }

        static Recipients managersOf(long pharmacyId) {
            return new Recipients(
                    "a.pharmacy_id = ? AND a.role = 'PHARMACY_MANAGER' AND a.status = 'ACTIVE'", pharmacyId);
        }

        /** The managers of the district's active pharmacies, or the city's when the code is null. */
        static Recipients managersIn(@Nullable String districtCode) {
            String managersOf = "a.role = 'PHARMACY_MANAGER' AND a.status = 'ACTIVE' AND a.pharmacy_id IN"
                    + " (SELECT p.id FROM pharmacy p WHERE p.status = 'ACTIVE' AND ";
            return districtCode == null
                    ? new Recipients(managersOf + "p.status = ?)", "ACTIVE") // one bound value, as every condition
                    : new Recipients(managersOf + "p.district_code = ?)", districtCode);
        }

        /** One account, while active (a citizen is told of their own case). */
        static Recipients account(long accountId) {
            return new Recipients("a.id = ? AND a.status = 'ACTIVE'", accountId);
        }
    }

    record Entry(
            long id,
            long accountId,
            String topic,
            String title,
            String body,
            @Nullable String link,
            Instant createdAt,
            @Nullable Instant readAt) {

        Cursor cursor() {
            return new Cursor(createdAt, id);
        }
    }

    record Subscription(String topic, Instant subscribedAt) {}

    private static final String ENTRY_COLUMNS = "id, account_id, topic, title, body, link,"
            + " UNIX_TIMESTAMP(created_at) AS created_at, UNIX_TIMESTAMP(read_at) AS read_at";

    private final JdbcOperations jdbc;

    InboxStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many inbox entries were written (0 when the key was met before) */
    int write(Recipients recipients, Notice notice) {
        return update(
                """
                INSERT INTO notification_inbox (account_id, notice_key, topic, title, body, link)
                SELECT a.id, ?, ?, ?, ?, ? FROM account a WHERE %s
                ON DUPLICATE KEY UPDATE notification_inbox.id = notification_inbox.id""".formatted(recipients.condition()),
                notice.key(),
                notice.topic(),
                notice.title(),
                notice.body(),
                notice.link(),
                recipients.value());
    }

    /** One outbox row per inbox entry of the notice whose recipient opted in to its topic and has a WeChat openid. */
    int queueWeChat(Recipients recipients, Notice notice) {
        return update("""
                INSERT INTO notification_outbox (inbox_entry_id)
                SELECT i.id FROM account a
                JOIN notification_inbox i ON i.account_id = a.id AND i.notice_key = ?
                JOIN notification_subscription s ON s.account_id = a.id AND s.topic = i.topic
                WHERE %s AND a.wechat_openid IS NOT NULL
                ON DUPLICATE KEY UPDATE notification_outbox.id = notification_outbox.id""".formatted(recipients.condition()), notice.key(), recipients.value());
    }

    /** The reader's entries, newest first, after the cursor; one more than the page. */
    @ReadOnly
    List<Entry> page(long accountId, boolean unreadOnly, PageRequest request) {
        List<Object> parameters = new ArrayList<>(List.of(accountId));
        StringBuilder sql =
                new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM notification_inbox WHERE account_id = ?");
        if (unreadOnly) {
            sql.append(" AND read_at IS NULL"); // leads ix_notification_inbox_unread
        }
        if (request.after() != null) {
            sql.append(
                    " AND (created_at < " + NotifySql.TIME + " OR (created_at = " + NotifySql.TIME + " AND id < ?))");
            BigDecimal at = NotifySql.epochSeconds(request.after().at());
            parameters.addAll(List.of(at, at, request.after().id()));
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        parameters.add(request.fetchSize());
        return query(sql.toString(), parameters);
    }

    /** Marks the reader's own entry read (the first time only); empty when no such entry is theirs. */
    @Transactional
    Optional<Entry> markRead(long accountId, long entryId) {
        update(
                "UPDATE notification_inbox SET read_at = CURRENT_TIMESTAMP(6)"
                        + " WHERE id = ? AND account_id = ? AND read_at IS NULL",
                entryId,
                accountId);
        return query(
                        "SELECT " + ENTRY_COLUMNS + " FROM notification_inbox WHERE id = ? AND account_id = ?",
                        List.of(entryId, accountId))
                .stream()
                .findFirst();
    }

    @ReadOnly
    List<Subscription> subscriptions(long accountId) {
        return jdbc.prepareStatement(
                "SELECT topic, UNIX_TIMESTAMP(subscribed_at) FROM notification_subscription WHERE account_id = ?",
                statement -> {
                    statement.setLong(1, accountId);
                    List<Subscription> result = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            result.add(new Subscription(rows.getString(1), NotifySql.instant(rows.getBigDecimal(2))));
                        }
                    }
                    return result;
                });
    }

    /** Idempotent: subscribing again keeps the first consent's time. */
    @Transactional
    void subscribe(long accountId, String topic) {
        update(
                "INSERT INTO notification_subscription (account_id, topic) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE topic = topic",
                accountId,
                topic);
    }

    /** Also stops messages of the topic still waiting in the outbox: the sender checks the opt-in before sending. */
    @Transactional
    void unsubscribe(long accountId, String topic) {
        update("DELETE FROM notification_subscription WHERE account_id = ? AND topic = ?", accountId, topic);
    }

    private int update(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, Arrays.asList(parameters)); // a link may be null
            return statement.executeUpdate();
        });
    }

    private List<Entry> query(String sql, List<Object> parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bind(statement, parameters);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(
                            rows.getLong("id"),
                            rows.getLong("account_id"),
                            rows.getString("topic"),
                            rows.getString("title"),
                            rows.getString("body"),
                            rows.getString("link"),
                            NotifySql.instant(rows.getBigDecimal("created_at")),
                            NotifySql.instant(rows.getBigDecimal("read_at"))));
                }
            }
            return entries;
        });
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
