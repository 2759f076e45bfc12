package com.cogov.contracts.inspection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** What the inspector's phone and the pharmacy's manager send about an inspection. */
public final class InspectionRequests {

    private InspectionRequests() {}

    /**
     * An inspection as recorded on site ({@code POST /mp/v1/inspections}, with an {@code Idempotency-Key}).
     *
     * @param checklist  every active item of {@code GET /mp/v1/inspections/checklist}, answered by its code
     * @param rectifyBy  required for RECTIFY: a China date, today or later
     * @param caseNumber required for CASE_OPENED
     * @param photoIds   evidence photos uploaded by the caller with {@code POST /mp/v1/inspections/photos}
     * @param supersedes the inspection this one corrects (same pharmacy); inspections are never edited
     */
    @Serdeable
    @Schema(name = "InspectionRequest")
    public record Record(
            @NotNull(message = "请选择被检查的药店") @Schema(example = "1")
            Long pharmacyId,

            @NotNull(message = "请填写检查项") @Size(max = 50, message = "检查项不超过50项")
            List<@Valid @NotNull Answer> checklist,

            @NotBlank(message = "请填写检查情况") @Size(max = 2000, message = "检查情况不超过2000字")
            String findings,

            @NotNull(message = "请选择处置方式") Disposition disposition,

            @Nullable @Schema(nullable = true, example = "2026-12-17", description = "Required for RECTIFY")
            LocalDate rectifyBy,

            @Nullable
            @Size(max = 64, message = "案件编号不超过64个字符")
            @Schema(nullable = true, description = "Required for CASE_OPENED", example = "武市监立〔2026〕118号")
            String caseNumber,

            @NotNull(message = "请开启定位后再提交") @Valid Location location,

            @Nullable @Size(max = 20, message = "照片不超过20张") List<@NotBlank String> photoIds,

            @Nullable @Schema(nullable = true, description = "The inspection this one corrects")
            Long supersedes) {}

    /** @param item the checklist item's code */
    @Serdeable
    @Schema(name = "InspectionAnswer")
    public record Answer(
            @NotBlank(message = "请填写检查项代码") @Size(max = 32) @Schema(example = "ID_CHECKED")
            String item,

            @NotNull(message = "请选择检查结果") CheckResult result,

            @Nullable @Size(max = 500, message = "说明不超过500字") @Schema(nullable = true)
            String note) {}

    /** Where the phone was, as {@code wx.getLocation({type: 'gcj02'})} gives it. */
    @Serdeable
    @Schema(name = "InspectionLocation")
    public record Location(
            @NotNull(message = "缺少纬度") @Schema(example = "30.5502")
            Double lat,

            @NotNull(message = "缺少经度") @Schema(example = "114.3215")
            Double lng,

            @Nullable @Schema(nullable = true, example = "15")
            Double accuracyMeters) {}

    /** The pharmacy's rectification ({@code POST /mp/v1/pharmacy/inspections/{id}/rectification}). */
    @Serdeable
    @Schema(name = "RectificationRequest")
    public record Rectification(
            @NotBlank(message = "请说明整改情况") @Size(max = 2000, message = "整改说明不超过2000字")
            String description,

            @Nullable @Size(max = 20, message = "照片不超过20张") List<@NotBlank String> photoIds) {}

    /** A checklist item as the city sets it ({@code PUT /portal/v1/inspections/checklist/{code}}). */
    @Serdeable
    @Schema(name = "ChecklistItemRequest")
    public record ChecklistItem(
            @NotBlank(message = "请填写检查项名称") @Size(max = 64, message = "检查项名称不超过64字")
            String label,

            @NotBlank(message = "请填写检查要点") @Size(max = 255, message = "检查要点不超过255字")
            String description,

            @NotNull(message = "请填写排序")
            @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(100000)
            Integer sortOrder,

            @NotNull(message = "请选择是否启用") Boolean active) {}

    /** The inspector's verdict on the latest rectification. */
    @Serdeable
    @Schema(name = "RectificationReviewRequest")
    public record Review(
            @NotNull(message = "请选择是否通过") Boolean accepted,

            @Nullable @Size(max = 500, message = "说明不超过500字") @Schema(nullable = true)
            String note) {}
}
