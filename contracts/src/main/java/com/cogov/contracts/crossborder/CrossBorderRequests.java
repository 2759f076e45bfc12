package com.cogov.contracts.crossborder;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Request bodies of the bureau's register of cross-border pharmacists (portal, the city). */
public final class CrossBorderRequests {

    private CrossBorderRequests() {}

    @Serdeable
    @Schema(name = "CreateCrossBorderPharmacistRequest")
    public record Create(
            @NotBlank(message = "请填写中文姓名") @Size(max = 64, message = "中文姓名不超过64个字") @Schema(example = "陈家明")
            String nameZh,

            @NotBlank(message = "请填写葡文姓名")
            @Size(max = 128, message = "葡文姓名不超过128个字符")
            @Schema(example = "Chan Ka Meng João")
            String namePt,

            @NotBlank(message = "请填写澳门执业牌照号码") @Size(max = 32, message = "牌照号码不超过32个字符") @Schema(example = "F-0123")
            String licenseNumber,

            @NotNull(message = "请选择执业药店") @Positive(message = "药店编号无效")
            Long pharmacyId,

            @NotNull(message = "请填写有效期起始日期") LocalDate validFrom,

            @NotNull(message = "请填写有效期截止日期") LocalDate validTo) {}

    /** Absent fields stay as they are. */
    @Serdeable
    @Schema(name = "EditCrossBorderPharmacistRequest")
    public record Edit(
            @Nullable @Size(min = 1, max = 64, message = "中文姓名为1-64个字")
            String nameZh,

            @Nullable @Size(min = 1, max = 128, message = "葡文姓名为1-128个字符")
            String namePt,

            @Nullable @Size(min = 1, max = 32, message = "牌照号码为1-32个字符")
            String licenseNumber,

            @Nullable @Positive(message = "药店编号无效") Long pharmacyId,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo) {}

    @Serdeable
    @Schema(name = "RevokeCrossBorderPharmacistRequest")
    public record Revoke(
            @NotBlank(message = "请填写撤销原因") @Size(max = 200, message = "撤销原因不超过200个字")
            String reason) {}
}
