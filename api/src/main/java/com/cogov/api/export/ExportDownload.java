package com.cogov.api.export;

import java.io.InputStream;

/** An export's file, opened for its requester: stream {@code content} to them and close it. */
public record ExportDownload(String fileName, String contentType, long sizeBytes, InputStream content) {}
