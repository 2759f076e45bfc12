package com.cogov.contracts.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** The result of walking the audit hash chain: whether any entry was changed, removed or added behind the platform. */
@Serdeable
@Schema(name = "AuditVerification")
public record AuditVerificationView(
        @Schema(description = "True when every entry matches its hash and links to the one before, without gaps")
        boolean intact,

        @Schema(description = "How many entries were checked")
        long checked,

        @Nullable @Schema(description = "Id of the first entry found broken; absent when intact")
        Long firstBrokenId,

        @Nullable @Schema(description = "What is wrong there, e.g. \"content does not match its hash\"")
        String problem,

        Instant verifiedAt) {}
