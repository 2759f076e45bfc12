package com.cogov.api.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * The object-storage port (docs/platform: files): bytes under an opaque key. The local directory implements it for the
 * embedded default; an S3-compatible store (MinIO, OSS, COS) is another implementation chosen by
 * {@code cogov.files.store}, and nothing outside this package knows which one runs.
 */
interface ObjectStorage {

    /** Stores the stream under the key, replacing nothing (keys are fresh). @return the bytes stored */
    long put(String key, InputStream content) throws IOException;

    /** @throws java.nio.file.NoSuchFileException when no object has that key */
    InputStream get(String key) throws IOException;

    /** Removes the object; no error if there is none. */
    void delete(String key) throws IOException;
}
