package com.cogov.api.notice;

import com.cogov.api.file.FileDownload;
import com.cogov.api.file.FileService;
import com.cogov.api.file.StoredFile;
import com.cogov.contracts.notice.NoticeAttachmentView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A notice's files through the files piece (docs/platform: files): an author uploads first (typed by content, EXIF
 * stripped, removed after a day unless used), then a notice of theirs claims the upload and keeps it. Table
 * {@code notice_attachment}.
 */
@Singleton
class NoticeAttachments {

    static final String PURPOSE = "NOTICE_ATTACHMENT";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration UNUSED_EXPIRY = Duration.ofDays(1);

    private final JdbcOperations jdbc;
    private final FileService files;
    private final Clock clock;

    NoticeAttachments(JdbcOperations jdbc, FileService files, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.clock = clock;
    }

    @Transactional
    NoticeAttachmentView upload(long authorAccountId, byte[] content) {
        StoredFile file = files.storeSubmission(
                authorAccountId, PURPOSE, content, MAX_BYTES, clock.instant().plus(UNUSED_EXPIRY));
        jdbc.prepareStatement(
                "INSERT INTO notice_attachment (file_id, owner_account_id, content_type, size_bytes) VALUES (?,?,?,?)",
                ps -> {
                    ps.setString(1, file.id());
                    ps.setLong(2, authorAccountId);
                    ps.setString(3, file.contentType());
                    ps.setLong(4, file.sizeBytes());
                    return ps.executeUpdate();
                });
        return new NoticeAttachmentView(file.id(), file.contentType(), file.sizeBytes());
    }

    /**
     * Gives the notice exactly these attachments: the ones it had and keeps, and the author's own unused uploads. An id
     * that is neither refuses the change. Files dropped from the notice are deleted.
     */
    void replace(long noticeId, long authorAccountId, @Nullable List<String> requested) {
        List<String> ids = requested == null ? List.of() : List.copyOf(new LinkedHashSet<>(requested));
        List<String> current =
                of(noticeId).stream().map(NoticeAttachmentView::id).toList();
        for (String id : ids) {
            if (current.contains(id)) {
                continue;
            }
            int claimed = jdbc.prepareStatement(
                    "UPDATE notice_attachment SET notice_id = ? WHERE file_id = ? AND owner_account_id = ?"
                            + " AND notice_id IS NULL",
                    ps -> {
                        ps.setLong(1, noticeId);
                        ps.setString(2, id);
                        ps.setLong(3, authorAccountId);
                        return ps.executeUpdate();
                    });
            if (claimed != 1 || !files.keep(id)) {
                throw NoticeRefusedException.unknownAttachment();
            }
        }
        for (String id : current) {
            if (!ids.contains(id)) {
                jdbc.prepareStatement("DELETE FROM notice_attachment WHERE file_id = ?", ps -> {
                    ps.setString(1, id);
                    return ps.executeUpdate();
                });
                files.delete(id);
            }
        }
    }

    List<NoticeAttachmentView> of(long noticeId) {
        return jdbc.prepareStatement(
                "SELECT file_id, content_type, size_bytes FROM notice_attachment WHERE notice_id = ?"
                        + " ORDER BY created_at, file_id",
                ps -> {
                    ps.setLong(1, noticeId);
                    List<NoticeAttachmentView> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new NoticeAttachmentView(rs.getString(1), rs.getString(2), rs.getLong(3)));
                        }
                    }
                    return rows;
                });
    }

    /** One of the notice's files; empty when it is not the notice's. */
    Optional<FileDownload> open(long noticeId, String fileId) {
        if (of(noticeId).stream().noneMatch(a -> a.id().equals(fileId))) {
            return Optional.empty();
        }
        return files.find(fileId)
                .flatMap(f -> files.open(f.id())
                        .map(in -> new FileDownload(f.fileName(), f.contentType(), f.sizeBytes(), in)));
    }
}
