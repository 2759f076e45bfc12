package com.cogov.contracts.notice;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A notice's file: list its id in {@code attachmentIds}; readers download it under the notice's own route. */
@Serdeable
@Schema(name = "NoticeAttachment")
public record NoticeAttachmentView(String id, String contentType, long sizeBytes) {}
