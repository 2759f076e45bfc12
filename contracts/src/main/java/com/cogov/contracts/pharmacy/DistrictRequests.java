package com.cogov.contracts.pharmacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the administrative divisions' maintenance (行政区划维护, portal, the city only). */
public final class DistrictRequests {

    private DistrictRequests() {}

    @Serdeable
    @Schema(name = "CreateDistrictRequest", description = "A new district of the city (GB/T 2260 code)")
    public record Create(
            @NotBlank(message = "请填写行政区划代码")
            @Pattern(regexp = "\\d{6}", message = "行政区划代码为6位数字")
            @Schema(example = "420118")
            String code,

            @NotBlank(message = "请填写名称") @Size(max = 32, message = "名称不超过32个字") @Schema(example = "长江新区")
            String name) {}

    @Serdeable
    @Schema(
            name = "EditDistrictRequest",
            description = "Rename, or retire (retired: true; final, and only once its pharmacies are transferred)")
    public record Edit(
            @Nullable @Size(min = 1, max = 32, message = "名称为1-32个字")
            String name,

            @Nullable Boolean retired) {}
}
