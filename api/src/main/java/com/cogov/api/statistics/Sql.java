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
