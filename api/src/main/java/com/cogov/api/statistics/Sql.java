package com.cogov.api.statistics;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The chores every plain-SQL class of statistics shares: binding values in order, reading rows, IN-list markers. */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {}

    static <T> List<T> list(JdbcOperations jdbc, String sql, List<?> parameters, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        });
    }

    static int update(JdbcOperations jdbc, String sql, List<?> parameters) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, parameters);
            return ps.executeUpdate();
        });
    }

    /** Statements of many keys or rows go a chunk of this many at a time. */
    private static final int CHUNK = 500;

    /**
     * The rows matching any of the keys: {@code select} + {@code WHERE (clause) OR (clause) ...}, one statement a chunk
     * of keys, each key's {@code clause} bound to its {@code values} (a primary-key range each).
     */
    static <K, T> List<T> listByKeys(
            JdbcOperations jdbc,
            String select,
            String clause,
            List<K> keys,
            java.util.function.Function<K, List<?>> values,
            RowMapper<T> mapper) {
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<K> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            List<Object> parameters = new ArrayList<>();
            chunk.forEach(k -> parameters.addAll(values.apply(k)));
            rows.addAll(list(
                    jdbc,
                    select + " WHERE " + String.join(" OR ", Collections.nCopies(chunk.size(), "(" + clause + ")")),
                    parameters,
                    mapper));
        }
        return rows;
    }

    /**
     * The statement once per row of values, as JDBC batches of a chunk each: the driver sends each batch as one
     * multi-row statement (rewriteBatchedStatements).
     */
    static void batch(JdbcOperations jdbc, String sql, List<? extends List<?>> rows) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < rows.size(); i++) {
                bind(ps, rows.get(i));
                ps.addBatch();
                if ((i + 1) % CHUNK == 0 || i == rows.size() - 1) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    static void bind(PreparedStatement ps, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof Instant instant) {
                ps.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof LocalDate date) {
                ps.setDate(i + 1, java.sql.Date.valueOf(date));
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getDate(column).toLocalDate();
    }

    static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }
}
