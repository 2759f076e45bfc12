package com.cogov.contracts.inspection;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** An uploaded evidence photo: pass {@code photoId} in an inspection's or a rectification's {@code photoIds}. */
@Serdeable
@Schema(name = "EvidencePhoto")
public record EvidencePhotoView(
        @Schema(description = "Opaque", example = "q8mV3c0n2oV1Y2f1bLwQJbX9x0mS7kQe")
        String photoId,

        @Schema(example = "image/jpeg") String contentType,
        long sizeBytes) {}
