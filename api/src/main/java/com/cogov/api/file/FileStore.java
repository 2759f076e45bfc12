package com.cogov.api.file;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stored_file table: the facts of each object in the store. */
@Singleton
class FileStore {

    private static final String COLUMNS =
            "id, owner_account_id, purpose, content_type, file_name, size_bytes, created_at, expires_at";

    private final JdbcOperations jdbc;

    FileStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    void insert(StoredFile f) {
        jdbc.prepareStatement("INSERT INTO stored_file (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)", ps -> {
            ps.setString(1, f.id());
            ps.setObject(2, f.ownerAccountId(), Types.BIGINT);
            ps.setString(3, f.purpose());
            ps.setString(4, f.contentType());
            ps.setString(5, f.fileName());
            ps.setLong(6, f.sizeBytes());
            ps.setTimestamp(7, Timestamp.from(f.createdAt()));
            ps.setTimestamp(8, f.expiresAt() == null ? null : Timestamp.from(f.expiresAt()));
            return ps.executeUpdate();
        });
    }

    @Transactional
    Optional<StoredFile> find(String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM stored_file WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        });
    }

    /** Ids of files expired before the time, oldest first, a batch at a time. */
    @Transactional
    List<String> expired(Instant now, int limit) {
        return jdbc.prepareStatement(
                "SELECT id FROM stored_file WHERE expires_at <= ? ORDER BY expires_at LIMIT ?", ps -> {
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

    @Transactional
    void keep(String id) {
        jdbc.prepareStatement("UPDATE stored_file SET expires_at = NULL WHERE id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        });
    }

    @Transactional
    void delete(String id) {
        jdbc.prepareStatement("DELETE FROM stored_file WHERE id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        });
    }

    private static StoredFile read(ResultSet rs) throws SQLException {
        return new StoredFile(
                rs.getString("id"),
                rs.getObject("owner_account_id", Long.class),
                rs.getString("purpose"),
                rs.getString("content_type"),
                rs.getString("file_name"),
                rs.getLong("size_bytes"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("expires_at")));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
