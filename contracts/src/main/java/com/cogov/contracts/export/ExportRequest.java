package com.cogov.contracts.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An export to make (docs/platform: exports): what, with which filter, in which format.
 *
 * @param filter the query route's parameters by name ({@code from}, {@code districtCode}, ...); values are text,
 *               numbers or booleans, never objects or lists
 */
@Serdeable
@Schema(name = "ExportRequest")
public record ExportRequest(
        @NotBlank(message = "请选择导出内容")
        @Size(max = 32, message = "导出类型过长")
        @Schema(
                description = "What to export",
                example = "REGISTRATIONS",
                allowableValues = {"REGISTRATIONS", "REGISTRATION_ITEMS", "ALERTS", "STATISTICS"})
        String kind,

        @Nullable
        @Schema(
                description = "The query route's parameters by name; text, number or boolean values",
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                nullable = true)
        Map<String, Object> filter,

        @NotBlank(message = "请选择导出格式")
        @Size(max = 8, message = "导出格式须为 xlsx 或 csv")
        @Schema(
                description = "File format",
                allowableValues = {"xlsx", "csv"})
        String format) {}
