package com.cogov.api.imports;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The {@code import_rejected_row} table: a job's refused rows, written with their chunk, read for the error workbook. */
@Singleton
class RejectedRows {

    private static final Argument<List<String>> CELLS = Argument.listOf(String.class);

    private final JdbcOperations jdbc;
    private final JsonMapper json;

    RejectedRows(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Rejected(int rowNumber, List<String> cells, String reason) {}

    /** In the caller's transaction; a row already there (a chunk repeated after a restart) is kept as it was. */
    void insert(long jobId, List<Rejected> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "INSERT IGNORE INTO import_rejected_row (job_id, row_no, cells, reason) VALUES (?,?,?,?)", ps -> {
                    for (Rejected row : rows) {
                        ps.setLong(1, jobId);
                        ps.setInt(2, row.rowNumber());
                        ps.setString(3, write(row.cells()));
                        ps.setString(
                                4, row.reason().length() > 2000 ? row.reason().substring(0, 1999) + "…" : row.reason());
                        ps.addBatch();
                    }
                    return ps.executeBatch();
                });
    }

    /** The job's refused rows after {@code afterRow}, in row order, a page at a time. */
    @ReadOnly
    List<Rejected> page(long jobId, int afterRow, int limit) {
        return jdbc.prepareStatement(
                "SELECT row_no, cells, reason FROM import_rejected_row WHERE job_id = ? AND row_no > ?"
                        + " ORDER BY row_no LIMIT ?",
                (PreparedStatement ps) -> {
                    ps.setLong(1, jobId);
                    ps.setInt(2, afterRow);
                    ps.setInt(3, limit);
                    List<Rejected> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Rejected(rs.getInt(1), read(rs.getString(2)), rs.getString(3)));
                        }
                    }
                    return rows;
                });
    }

    private String write(List<String> cells) {
        try {
            return json.writeValueAsString(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> read(String cells) {
        try {
            return json.readValue(cells, CELLS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
