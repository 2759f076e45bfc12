package com.cogov.contracts.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One inspection in full, as the inspector's district and the inspected pharmacy read it.
 *
 * @param flags        {@code OFF_SITE}: recorded more than 500 m from the pharmacy's coordinates
 * @param supersededBy the newer inspection that corrects this one, if any
 */
@Serdeable
@Schema(name = "Inspection")
public record InspectionView(
        long id,
        long pharmacyId,
        String pharmacyName,
        @Schema(example = "420106") String districtCode,
        @Schema(example = "赵检查员") String inspectorName,
        Instant recordedAt,
        List<AnswerView> checklist,
        String findings,
        Disposition disposition,
        @Nullable @Schema(nullable = true) LocalDate rectifyBy,
        @Nullable @Schema(nullable = true) String caseNumber,
        LocationView location,

        @Nullable @Schema(nullable = true, description = "From the pharmacy's coordinates")
        Integer distanceMeters,

        @Schema(example = "[\"OFF_SITE\"]") List<String> flags,
        List<String> photoIds,
        @Nullable @Schema(nullable = true) Long supersedes,
        @Nullable @Schema(nullable = true) Long supersededBy,
        @Nullable @Schema(nullable = true) Instant acknowledgedAt,

        @Nullable @Schema(type = "object", nullable = true, description = "For RECTIFY only")
        RectificationView rectification) {

    @Serdeable
    @Schema(name = "InspectionAnswerView")
    public record AnswerView(
            String item,
            String label,
            CheckResult result,
            @Nullable String note) {}

    @Serdeable
    @Schema(name = "InspectionLocationView")
    public record LocationView(
            double lat, double lng, @Nullable Double accuracyMeters) {}

    /** @param overdue the date has passed without an accepted rectification */
    @Serdeable
    @Schema(name = "Rectification")
    public record RectificationView(
            RectificationState state, LocalDate dueOn, boolean overdue, List<Submission> submissions) {}

    /** What the pharmacy submitted, with the inspector's verdict once given. */
    @Serdeable
    @Schema(name = "RectificationSubmission")
    public record Submission(
            long id,
            String description,
            List<String> photoIds,
            Instant submittedAt,
            @Nullable Boolean accepted,
            @Nullable String reviewNote,
            @Nullable Instant reviewedAt) {}
}
