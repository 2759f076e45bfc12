package com.cogov.api.inspection;

import java.io.InputStream;

/** An evidence photo to serve as an attachment; the caller closes the content. */
public record PhotoDownload(String fileName, String contentType, long sizeBytes, InputStream content) {}
