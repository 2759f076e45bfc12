package com.cogov.api.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Table {@code complaint_attachment}: uploads and the case that uses them. Joins the caller's transaction. */
@Singleton
class AttachmentStore {

    record Attachment(
            String fileId,
            String owner,
            @Nullable Long complaintId,
            String contentType,
            long sizeBytes,
            @Nullable String contentCheck) {}

    private final JdbcOperations jdbc;

    AttachmentStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String fileId, String owner, String contentType, long sizeBytes) {
        jdbc.prepareStatement(
                "INSERT INTO complaint_attachment (file_id, owner, content_type, size_bytes) VALUES (?,?,?,?)", ps -> {
                    ps.setString(1, fileId);
                    ps.setString(2, owner);
                    ps.setString(3, contentType);
                    ps.setLong(4, sizeBytes);
                    return ps.executeUpdate();
                });
    }

    /**
     * Gives the owner's unused uploads to the case, locking them so that two filings cannot both take one.
     *
     * @return how many of the ids were the owner's and unused
     */
    int claim(String owner, List<String> fileIds, long complaintId) {
        int claimed = 0;
        for (String id : fileIds) {
            claimed += jdbc.prepareStatement(
                    "UPDATE complaint_attachment SET complaint_id = ? WHERE file_id = ? AND owner = ?"
                            + " AND complaint_id IS NULL",
                    ps -> {
                        ps.setLong(1, complaintId);
                        ps.setString(2, id);
                        ps.setString(3, owner);
                        return ps.executeUpdate();
                    });
        }
        return claimed;
    }

    /** Which of the ids are the owner's unused images (PDFs are not sent to WeChat's image check). */
    List<String> imagesAmong(String owner, List<String> fileIds) {
        List<String> images = new ArrayList<>();
        for (String id : fileIds) {
            jdbc.prepareStatement(
                    "SELECT file_id FROM complaint_attachment WHERE file_id = ? AND owner = ? AND complaint_id IS NULL"
                            + " AND content_type LIKE 'image/%'",
                    ps -> {
                        ps.setString(1, id);
                        ps.setString(2, owner);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                images.add(rs.getString(1));
                            }
                        }
                        return null;
                    });
        }
        return images;
    }

    /** Marks the attachment with its image check's state (PENDING, PASS, RISKY, REVIEW). @return its case */
    Optional<Long> markCheck(String fileId, String state) {
        jdbc.prepareStatement("UPDATE complaint_attachment SET content_check = ? WHERE file_id = ?", ps -> {
            ps.setString(1, state);
            ps.setString(2, fileId);
            return ps.executeUpdate();
        });
        return jdbc.prepareStatement("SELECT complaint_id FROM complaint_attachment WHERE file_id = ?", ps -> {
            ps.setString(1, fileId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
                }
                return Optional.<Long>empty();
            }
        });
    }

    /** Images of these cases not (yet) passed by the image check. */
    int unclearedImages(long complaintId, long otherId) {
        return jdbc.prepareStatement(
                "SELECT COUNT(*) FROM complaint_attachment WHERE complaint_id IN (?, ?) AND content_check IS NOT NULL"
                        + " AND content_check <> 'PASS'",
                ps -> {
                    ps.setLong(1, complaintId);
                    ps.setLong(2, otherId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                });
    }

    /** Drops the rows of uploads no filing used, whose files the files piece removed. */
    int deleteUnused(List<String> fileIds) {
        int deleted = 0;
        for (String id : fileIds) {
            deleted += jdbc.prepareStatement(
                    "DELETE FROM complaint_attachment WHERE file_id = ? AND complaint_id IS NULL", ps -> {
                        ps.setString(1, id);
                        return ps.executeUpdate();
                    });
        }
        return deleted;
    }

    List<Attachment> ofCase(long complaintId) {
        return jdbc.prepareStatement(
                "SELECT file_id, owner, complaint_id, content_type, size_bytes, content_check"
                        + " FROM complaint_attachment WHERE complaint_id = ? ORDER BY created_at, file_id",
                ps -> {
                    ps.setLong(1, complaintId);
                    List<Attachment> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Attachment(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getString(6)));
                        }
                    }
                    return rows;
                });
    }

    Optional<Attachment> ofCase(long complaintId, String fileId) {
        return ofCase(complaintId).stream()
                .filter(a -> a.fileId().equals(fileId))
                .findFirst();
    }
}
