package com.cogov.contracts.inspection;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A checklist item as the city maintains it: an inactive one is no longer asked. */
@Serdeable
@Schema(name = "ChecklistEntry")
public record ChecklistEntry(
        @Schema(example = "ID_CHECKED") String code,
        @Schema(example = "销售时查验购买人身份证件") String label,
        String description,
        @Schema(description = "Asked in ascending order") int sortOrder,
        boolean active) {}
