package com.cogov.api.complaint;

import com.cogov.api.file.FileDownload;
import com.cogov.api.file.FileService;
import com.cogov.api.file.FilesRemovedEvent;
import com.cogov.api.file.StoredFile;
import com.cogov.contracts.complaint.AttachmentView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A case's attachments through the files piece (docs/platform: files): uploaded before the filing (typed by content,
 * EXIF stripped, expiring after a day unless a filing uses them), then claimed by the filing of whoever uploaded them.
 */
@Singleton
class CaseAttachments {

    static final String PURPOSE = "COMPLAINT_ATTACHMENT";

    private final AttachmentStore store;
    private final FileService files;
    private final ComplaintConfiguration config;
    private final CaseDeadlines time;

    CaseAttachments(AttachmentStore store, FileService files, ComplaintConfiguration config, CaseDeadlines time) {
        this.store = store;
        this.files = files;
        this.config = config;
        this.time = time;
    }

    @Transactional
    AttachmentView upload(String owner, @Nullable Long ownerAccountId, byte[] content) {
        StoredFile file = files.storeSubmission(
                ownerAccountId,
                PURPOSE,
                content,
                config.attachmentMaxBytes(),
                time.now().plus(config.unusedAttachmentExpiry()));
        store.insert(file.id(), owner, file.contentType(), file.sizeBytes());
        return new AttachmentView(file.id(), file.contentType(), file.sizeBytes());
    }

    /** The distinct ids of a filing, refused past the limit before anything is written. */
    List<String> requireCount(@Nullable List<String> ids) {
        List<String> distinct = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > config.attachmentsPerCase()) {
            throw ComplaintRejectedException.tooManyAttachments(config.attachmentsPerCase());
        }
        return distinct;
    }

    /** Gives the owner's uploads to the case and keeps their files; any id not theirs or used refuses the filing. */
    void claim(String owner, List<String> ids, long complaintId) {
        if (ids.isEmpty()) {
            return;
        }
        if (store.claim(owner, ids, complaintId) != ids.size()) {
            throw ComplaintRejectedException.unknownAttachment();
        }
        ids.forEach(files::keep);
    }

    List<String> imagesAmong(String owner, List<String> ids) {
        return store.imagesAmong(owner, ids);
    }

    void markChecking(List<String> images) {
        images.forEach(id -> store.markCheck(id, "PENDING"));
    }

    /**
     * The files piece removed uploads no filing used (after {@code unusedAttachmentExpiry}): their rows go with them,
     * so a row never names a file that is gone. Used uploads are never removed: the filing kept their files.
     */
    @EventListener
    @Transactional
    void onFilesRemoved(FilesRemovedEvent removed) {
        if (PURPOSE.equals(removed.purpose())) {
            store.deleteUnused(removed.fileIds());
        }
    }

    List<AttachmentStore.Attachment> of(long complaintId) {
        return store.ofCase(complaintId);
    }

    /** The content of one of the case's attachments; empty when it is not the case's. */
    Optional<FileDownload> open(long complaintId, String fileId) {
        return store.ofCase(complaintId, fileId)
                .flatMap(a -> files.find(a.fileId())
                        .flatMap(f -> files.open(f.id())
                                .map(in -> new FileDownload(f.fileName(), f.contentType(), f.sizeBytes(), in))));
    }
}
