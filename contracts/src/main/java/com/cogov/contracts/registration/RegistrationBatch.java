package com.cogov.contracts.registration;

import com.cogov.contracts.error.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Registrations queued offline by the mini-program, sent together when the network is back. */
public final class RegistrationBatch {

    private RegistrationBatch() {}

    @Serdeable
    @Schema(name = "RegistrationBatchRequest")
    public record Request(
            @NotEmpty(message = "批量登记不能为空") @Size(max = 50, message = "一次最多提交50笔登记")
            List<@NotNull @Valid Entry> registrations) {}

    @Serdeable
    @Schema(name = "RegistrationBatchEntry")
    public record Entry(
            @NotBlank(message = "每笔登记都需要幂等键") @Size(max = 64, message = "幂等键过长")
            String idempotencyKey,
            // Not @Valid here: each entry is validated on its own, so one malformed sale does not refuse the batch.
            @NotNull(message = "缺少登记内容") RegistrationRequest registration) {}

    @Serdeable
    @Schema(name = "RegistrationBatchResult")
    public record Result(List<Outcome> results) {}

    /** One entry's outcome: the HTTP status it would have had alone, with its result or its problem. */
    @Serdeable
    @Schema(name = "RegistrationBatchOutcome")
    public record Outcome(
            String idempotencyKey,
            int status,
            @Nullable @Schema(type = "object") RegistrationResult result,
            @Nullable @Schema(type = "object") Problem problem) {}
}
