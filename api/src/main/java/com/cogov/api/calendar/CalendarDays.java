package com.cogov.api.calendar;

import com.cogov.contracts.calendar.CalendarDayView;
import com.cogov.contracts.calendar.DayKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Tables {@code calendar_year} and {@code calendar_day}; every statement joins the caller's transaction. */
@Singleton
class CalendarDays {

    private final JdbcOperations jdbc;

    CalendarDays(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The whole calendar: a few dozen rows a year, small enough to hold in memory. */
    @ReadOnly
    WorkingDays snapshot() {
        Set<Integer> years = new HashSet<>();
        jdbc.prepareStatement("SELECT year FROM calendar_year", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            return null;
        });
        Map<java.time.LocalDate, DayKind> days = new HashMap<>();
        jdbc.prepareStatement("SELECT day, kind FROM calendar_day", ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
                }
            }
            return null;
        });
        return new WorkingDays(days, years);
    }

    @ReadOnly
    List<CalendarDayView> year(int year) {
        return jdbc.prepareStatement("SELECT day, kind FROM calendar_day WHERE year = ? ORDER BY day", ps -> {
            ps.setInt(1, year);
            List<CalendarDayView> days = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.add(new CalendarDayView(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2))));
                }
            }
            return days;
        });
    }

    @ReadOnly
    boolean loaded(int year) {
        return jdbc.prepareStatement("SELECT 1 FROM calendar_year WHERE year = ?", ps -> {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** Replaces the year's days and marks it loaded. */
    void replace(int year, List<CalendarDayView> days, @Nullable Long loadedBy) {
        jdbc.prepareStatement("DELETE FROM calendar_day WHERE year = ?", ps -> {
            ps.setInt(1, year);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO calendar_day (day, year, kind) VALUES (?,?,?)", ps -> {
            for (CalendarDayView d : days) {
                ps.setDate(1, Date.valueOf(d.date()));
                ps.setInt(2, year);
                ps.setString(3, d.kind().name());
                ps.addBatch();
            }
            return days.isEmpty() ? null : ps.executeBatch();
        });
        jdbc.prepareStatement(
                "INSERT INTO calendar_year (year, loaded_by) VALUES (?,?)"
                        + " ON DUPLICATE KEY UPDATE loaded_at = CURRENT_TIMESTAMP(6), loaded_by = VALUES(loaded_by)",
                ps -> {
                    ps.setInt(1, year);
                    if (loadedBy == null) {
                        ps.setNull(2, java.sql.Types.BIGINT);
                    } else {
                        ps.setLong(2, loadedBy);
                    }
                    return ps.executeUpdate();
                });
    }
}
