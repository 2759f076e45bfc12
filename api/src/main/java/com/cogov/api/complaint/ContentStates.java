package com.cogov.api.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content check's columns of {@code complaint} (migration V11_3): why a case waits in PENDING_CONTENT_CHECK, and
 * its clearance, which starts its deadlines. Every statement joins the caller's transaction.
 */
@Singleton
class ContentStates {

    /** Why a case waits: its text's check and whether a person must look (a text or an image flagged). */
    record State(@Nullable String textCheck, boolean heldForPerson) {}

    /** A case whose text WeChat could not check yet. */
    record Recheck(
            long id,
            @Nullable Long filerAccountId,
            String facts,
            @Nullable String claim,
            int attempts) {}

    private final JdbcOperations jdbc;

    ContentStates(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<State> of(long id) {
        return jdbc.prepareStatement("SELECT text_check, content_hold FROM complaint WHERE id = ?", ps -> {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new State(rs.getString(1), rs.getBoolean(2))) : Optional.empty();
            }
        });
    }

    /**
     * Moves a waiting case on, its deadlines counted from the day it was cleared, once: a case no longer waiting is
     * left as it is. @return whether this call moved it
     */
    boolean clear(long id, String status, LocalDate on, CaseRow.Due decision) {
        return jdbc.prepareStatement(
                        "UPDATE complaint SET status = ?, received_on = ?, decision_due = ?,"
                                + " decision_due_provisional = ?, due_date = ?, due_flag = NULL, content_hold = FALSE,"
                                + " text_check_next_at = NULL WHERE id = ? AND status = 'PENDING_CONTENT_CHECK'",
                        ps -> {
                            ps.setString(1, status);
                            ps.setDate(2, Date.valueOf(on));
                            ps.setDate(3, Date.valueOf(decision.date()));
                            ps.setBoolean(4, decision.provisional());
                            ps.setDate(5, Date.valueOf(decision.date()));
                            ps.setLong(6, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    /** A person must look before the case moves on. @return whether it was not held already */
    boolean hold(long id) {
        return jdbc.prepareStatement(
                        "UPDATE complaint SET content_hold = TRUE WHERE id = ? AND NOT content_hold"
                                + " AND status = 'PENDING_CONTENT_CHECK'",
                        ps -> {
                            ps.setLong(1, id);
                            return ps.executeUpdate();
                        })
                == 1;
    }

    void textChecked(long id, ContentScreening.TextCheck check) {
        jdbc.prepareStatement("UPDATE complaint SET text_check = ?, text_check_next_at = NULL WHERE id = ?", ps -> {
            ps.setString(1, check.name());
            ps.setLong(2, id);
            return ps.executeUpdate();
        });
    }

    void retryText(long id, Instant next) {
        jdbc.prepareStatement(
                "UPDATE complaint SET text_check_attempts = text_check_attempts + 1, text_check_next_at = ?"
                        + " WHERE id = ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(next));
                    ps.setLong(2, id);
                    return ps.executeUpdate();
                });
    }

    List<Recheck> textRechecksDue(Instant now, int limit) {
        return jdbc.prepareStatement(
                "SELECT id, filer_account_id, facts, claim, text_check_attempts FROM complaint WHERE text_check = 'RETRY'"
                        + " AND text_check_next_at <= ? AND status = 'PENDING_CONTENT_CHECK'"
                        + " ORDER BY text_check_next_at LIMIT ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setInt(2, limit);
                    List<Recheck> due = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long filer = rs.getLong(2);
                            due.add(new Recheck(
                                    rs.getLong(1),
                                    rs.wasNull() ? null : filer,
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getInt(5)));
                        }
                    }
                    return due;
                });
    }
}
