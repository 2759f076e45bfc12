package com.cogov.contracts.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The one error body of both apps: RFC 9457 {@code application/problem+json} with a stable {@code code},
 * field-level {@code errors} and the {@code traceId} that operations can find in the logs.
 */
@Serdeable
@Schema(
        name = "Problem",
        description = "RFC 9457 problem details, extended with a stable code, field errors and a trace id")
public record Problem(
        @Schema(description = "URI naming the kind of problem")
        String type,

        @Schema(description = "Chinese, for the user") String title,
        int status,

        @Nullable @Schema(description = "What exactly was wrong with this request, in Chinese")
        String detail,

        @Schema(description = "Stable English error code", example = "ID_NUMBER_INVALID")
        String code,

        List<FieldError> errors,
        @Nullable String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field. {@code field} is the JSON path of the input, e.g. {@code buyer.documentNumber}. */
    @Serdeable
    public record FieldError(String field, String message) {}

    public static Problem of(
            ErrorCode code, @Nullable String detail, List<FieldError> errors, @Nullable String traceId) {
        return new Problem(code.type(), code.title(), code.status(), detail, code.name(), List.copyOf(errors), traceId);
    }
}
