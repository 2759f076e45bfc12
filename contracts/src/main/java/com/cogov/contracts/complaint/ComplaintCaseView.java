package com.cogov.contracts.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A case as its handlers see it: the facts, the deadlines, the attachments and the whole timeline with the handlers'
 * notes. The complainant or reporter is masked (Art. 33: a reporter's identity is confidential); showing them in
 * full takes a reason and is audited.
 */
@Serdeable
@Schema(name = "ComplaintCase")
public record ComplaintCaseView(
        long id,
        String trackingNumber,
        ComplaintKind kind,
        ComplaintCategory category,
        ComplaintStatus status,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, type = "string")
        ComplaintOutcome outcome,

        String districtCode,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        Long targetPharmacyId,

        String targetName,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        String targetAddress,

        String facts,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        String claim,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        LocalDate occurredOn,

        boolean lateFiling,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, type = "object", description = "Masked; absent for an anonymous report")
        Person complainant,

        Instant receivedAt,
        List<DeadlineView> deadlines,

        @Nullable
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(nullable = true, description = "DUE_SOON or OVERDUE")
        String due,

        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
        Long linkedId,

        List<AttachmentView> attachments,
        List<Step> timeline) {

    /** A complainant or reporter, masked unless unmasked with a reason. */
    @Serdeable
    @Schema(name = "ComplaintPerson")
    public record Person(String name, String phone, String address) {}

    /** One step of the case: who (an account id; none for the filer or the platform), when, what, and the notes. */
    @Serdeable
    @Schema(name = "ComplaintStep")
    public record Step(
            Instant at,

            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true)
            Long actorAccountId,

            String action,

            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, type = "string")
            ComplaintStatus fromStatus,

            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, type = "string")
            ComplaintStatus toStatus,

            @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true, description = "Handlers only")
            String note,

            @Nullable
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(nullable = true, description = "What the filer was told")
            String publicText) {}
}
