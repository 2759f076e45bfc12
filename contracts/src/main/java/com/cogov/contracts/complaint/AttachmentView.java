package com.cogov.contracts.complaint;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An uploaded attachment, to list in a filing's {@code attachmentIds}. */
@Serdeable
@Schema(name = "ComplaintAttachment")
public record AttachmentView(String id, String contentType, long sizeBytes) {}
