package com.cogov.api.file;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * A file to store.
 *
 * @param ownerAccountId who may read it (null: the platform's own)
 * @param purpose        what it is for, upper case, e.g. {@code EXPORT}
 * @param fileName       the name a download carries; chosen by us, never a client's, never used as a path
 * @param expiresAt      removed after this; null to keep until deleted
 */
public record NewFile(
        @Nullable Long ownerAccountId,
        String purpose,
        String contentType,
        String fileName,
        @Nullable Instant expiresAt) {}
