package com.cogov.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An uploaded attachment, to list in a filing's {@code attachmentIds}. In a case, an image of a mini-program filing
 * also shows WeChat's content check of it ({@code contentCheck}: PENDING, PASS, RISKY or REVIEW), so a handler sees
 * the image WeChat flagged.
 */
@Serdeable
@Schema(name = "ComplaintAttachment")
public record AttachmentView(
        String id,
        String contentType,
        long sizeBytes,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                nullable = true,
                description = "WeChat's image check: PENDING, PASS, RISKY or REVIEW; absent when not checked (PDFs,"
                        + " web filings)")
        String contentCheck) {

    public AttachmentView(String id, String contentType, long sizeBytes) {
        this(id, contentType, sizeBytes, null);
    }
}
