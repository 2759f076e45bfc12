package com.cogov.api.file;

import java.io.InputStream;

/**
 * A stored file opened for a reader who may have it (the feature that owns it checked): always sent as a download
 * ({@code com.cogov.api.web.Downloads}), never inline. The caller streams {@code content} and closes it.
 */
public record FileDownload(String fileName, String contentType, long sizeBytes, InputStream content) {}
