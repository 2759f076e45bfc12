package com.cogov.contracts.pharmacy;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of a pharmacy's licensed pharmacists (mini-program, the pharmacy's manager). */
public final class PharmacistRequests {

    private PharmacistRequests() {}

    @Serdeable
    @Schema(name = "AddPharmacistRequest")
    public record Add(
            @NotBlank(message = "请填写执业药师姓名") @Size(max = 32, message = "姓名不超过32个字") @Schema(example = "王药师")
            String name,

            @NotBlank(message = "请填写执业药师注册证编号")
            @Pattern(regexp = "[0-9A-Za-z-]{6,32}", message = "注册证编号为6-32位字母、数字或短横线")
            @Schema(example = "ZY42201900123")
            String licenseNumber) {}

    @Serdeable
    @Schema(name = "PharmacistDutyRequest")
    public record Duty(
            @NotNull(message = "请说明是否在岗：onDuty 为 true 或 false")
            @Schema(description = "true: on duty now, until the end of today's opening hours; false: off duty")
            Boolean onDuty) {}
}
