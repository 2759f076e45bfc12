package com.cogov.contracts.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A complaint or report as a citizen files it (市场监督管理投诉举报处理暂行办法 Art. 9). The complainant is required for
 * a complaint (and for BOTH) and optional for a report: a report may be anonymous. Whether the combination is complete
 * is checked by the complaints feature (COMPLAINANT_REQUIRED, TARGET_REQUIRED).
 */
@Serdeable
@Schema(name = "ComplaintRequest")
public record ComplaintRequest(
        @NotNull(message = "请选择投诉（COMPLAINT）、举报（REPORT）或两者（BOTH）")
        ComplaintKind kind,

        @NotNull(message = "请选择类别：DRUG、MEDICAL_DEVICE、COSMETIC、FOOD 或 OTHER")
        ComplaintCategory category,

        @NotNull(message = "请填写被投诉举报的对象") @Valid Target target,

        @NotBlank(message = "请填写事实经过") @Size(max = 5000, message = "事实经过不超过5000字")
        String facts,

        @Nullable
        @Size(max = 5000, message = "投诉请求不超过5000字")
        @Schema(nullable = true, description = "Required for a complaint")
        String claim,

        @Nullable @Schema(nullable = true, description = "When it happened or became known; not in the future")
        LocalDate occurredOn,

        @Nullable
        @Valid
        @Schema(
                nullable = true,
                type = "object",
                description = "Required for COMPLAINT and BOTH; omit for an anonymous report")
        Complainant complainant,

        @Nullable @Schema(nullable = true, description = "Ids answered by the attachment upload, at most 9")
        List<@NotBlank(message = "附件编号不能为空") @Size(max = 64, message = "附件编号无效") String> attachmentIds) {

    /**
     * The business complained about: a pharmacy on the platform by its id, or any business by name, address and
     * district.
     */
    @Serdeable
    @Schema(name = "ComplaintTarget")
    public record Target(
            @Nullable @PositiveOrZero(message = "药店编号无效") @Schema(nullable = true)
            Long pharmacyId,

            @Nullable @Size(max = 100, message = "名称不超过100字") @Schema(nullable = true)
            String name,

            @Nullable @Size(max = 200, message = "地址不超过200字") @Schema(nullable = true)
            String address,

            @Nullable @Pattern(regexp = "\\d{6}", message = "行政区划代码须为6位数字") @Schema(nullable = true, example = "420106")
            String districtCode) {}

    /** Who complains: sealed when stored, masked wherever shown. */
    @Serdeable
    @Schema(name = "Complainant")
    public record Complainant(
            @NotBlank(message = "请填写姓名") @Size(max = 50, message = "姓名不超过50字")
            String name,

            @NotBlank(message = "请填写联系电话")
            @Pattern(
                    regexp = "(\\+?86[- ]?)?1[3-9]\\d([- ]?\\d){8}|0\\d{2,3}[- ]?\\d{7,8}(-\\d{1,6})?",
                    message = "联系电话须为11位手机号或带区号的固定电话（如 027-87654321）")
            String phone,

            @NotBlank(message = "请填写联系地址") @Size(max = 200, message = "地址不超过200字")
            String address) {}
}
