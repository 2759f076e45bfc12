package com.cogov.api.complaint;

import java.io.InputStream;

/** A case's file to send to a handler, always as a download: to be closed by the caller. */
public record AttachmentDownload(String fileName, String contentType, long sizeBytes, InputStream content) {}
