package com.cogov.contracts.alert;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A triage step: start reviewing, dismiss (a false alarm) or confirm; a note is required to dismiss or confirm. */
@Serdeable
@Schema(name = "TriageRequest")
public record TriageRequest(
        @NotBlank(message = "请选择处理结果")
        @Pattern(regexp = "REVIEWING|DISMISSED|CONFIRMED", message = "处理结果须为 REVIEWING、DISMISSED 或 CONFIRMED")
        @Schema(allowableValues = {"REVIEWING", "DISMISSED", "CONFIRMED"})
        String status,

        @Nullable @Size(max = 500, message = "处理说明不超过500字") @Schema(nullable = true)
        String note) {}
