package com.cogov.api.file;

import java.util.List;

/**
 * Files removed from the store (expired: an upload no record used, an export past its day), heard synchronously so
 * that the feature that recorded them drops its own rows of them in step (a complaint's unused attachments).
 *
 * @param purpose what the files were stored for, e.g. {@code COMPLAINT_ATTACHMENT}
 */
public record FilesRemovedEvent(String purpose, List<String> fileIds) {}
