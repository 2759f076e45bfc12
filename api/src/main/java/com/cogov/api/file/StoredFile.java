package com.cogov.api.file;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A stored file's facts; its content is read with {@link FileService#open}. The id is random and opaque. */
public record StoredFile(
        String id,
        @Nullable Long ownerAccountId,
        String purpose,
        String contentType,
        String fileName,
        long sizeBytes,
        Instant createdAt,
        @Nullable Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
