package com.cogov.contracts.complaint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A handler's step on a case: the note is required (for {@code reject} the legal reason, for {@code extend} the
 * reason, for {@code reply} the text sent to the filer). {@code outcome} is for {@code close}, {@code districtCode}
 * for {@code assign}.
 */
@Serdeable
@Schema(name = "ComplaintTransitionRequest")
public record TransitionRequest(
        @NotBlank(message = "请填写说明") @Size(max = 2000, message = "说明不超过2000字")
        String note,

        @Nullable @Schema(nullable = true, type = "string", description = "For close")
        ComplaintOutcome outcome,

        @Nullable
        @Pattern(regexp = "\\d{6}", message = "行政区划代码须为6位数字")
        @Schema(nullable = true, description = "For assign", example = "420103")
        String districtCode) {}
