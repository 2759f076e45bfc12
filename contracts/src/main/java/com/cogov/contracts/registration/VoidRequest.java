package com.cogov.contracts.registration;

import com.cogov.contracts.text.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(name = "VoidRequest")
public record VoidRequest(
        @NotBlank(message = "请填写作废原因") @MultiLine @Size(max = 200, message = "原因不超过200个字")
        String reason) {}
