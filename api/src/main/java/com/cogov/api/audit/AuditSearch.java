package com.cogov.api.audit;

import com.cogov.api.paging.Cursor;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin search. The statement is assembled from fixed fragments, one per filter present, with every value bound
 * as a parameter: each combination then leads with the column of one of the (x, occurred_at) indexes, which a
 * catch-all {@code (:p IS NULL OR col = :p)} statement would hide from the optimizer. Pages continue after the
 * previous page's last (occurred_at, id), never by OFFSET: the index range starts there, so page 1,000 costs what
 * page 1 does (InnoDB secondary indexes end in the primary key, so (x, occurred_at) is ordered by id too).
 */
@Singleton
class AuditSearch {

    private final JdbcOperations jdbc;

    AuditSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    record Sql(String text, List<Object> parameters) {

        void bind(PreparedStatement statement) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Instant instant) {
                    statement.setBigDecimal(i + 1, SqlTime.epochSeconds(instant));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
        }
    }

    /** One row more than the page ({@link com.cogov.api.paging.PageRequest#fetchSize()}), to tell whether a next follows. */
    @ReadOnly
    List<AuditEvent> find(AuditQuery query) {
        Sql sql = sql(query);
        return jdbc.prepareStatement(sql.text(), statement -> {
            sql.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return jdbc.entityStream(rows, AuditEvent.class).toList();
            }
        });
    }

    static Sql sql(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (query.actorAccountId() != null) {
            conditions.add("actor_account_id = ?");
            parameters.add(query.actorAccountId());
        }
        if (query.action() != null) {
            if (query.actionIsPrefix()) {
                // 'account.*' -> LIKE 'account.%'; AuditQuery admits no '%' or '_' that would need escaping.
                conditions.add("action LIKE ?");
                parameters.add(query.action().substring(0, query.action().length() - 1) + "%");
            } else {
                conditions.add("action = ?");
                parameters.add(query.action());
            }
        }
        if (query.targetType() != null) {
            conditions.add("target_type = ?");
            parameters.add(query.targetType());
            if (query.targetId() != null) {
                conditions.add("target_id = ?");
                parameters.add(query.targetId());
            }
        }
        if (query.from() != null) {
            conditions.add("occurred_at >= " + SqlTime.PLACEHOLDER);
            parameters.add(query.from());
        }
        if (query.to() != null) {
            conditions.add("occurred_at < " + SqlTime.PLACEHOLDER);
            // Rows hold microseconds: before a finer bound means before the next whole microsecond.
            Instant to = query.to().truncatedTo(ChronoUnit.MICROS);
            parameters.add(to.equals(query.to()) ? to : to.plus(1, ChronoUnit.MICROS));
        }
        Cursor after = query.page().after();
        if (after != null) {
            // Strictly after the previous page's last entry on (occurred_at DESC, id DESC). The leading "<=" is
            // redundant but gives the optimizer the range on occurred_at that the OR alone would hide.
            conditions.add("occurred_at <= " + SqlTime.PLACEHOLDER + " AND (occurred_at < " + SqlTime.PLACEHOLDER
                    + " OR id < ?)");
            parameters.add(after.at());
            parameters.add(after.at());
            parameters.add(after.id());
        }
        parameters.add(query.page().fetchSize());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new Sql(
                "SELECT * FROM audit_event" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ?",
                List.copyOf(parameters));
    }
}
