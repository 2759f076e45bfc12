package com.cogov.contracts.inspection;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The items every inspection answers, in order: data the city maintains. */
@Serdeable
@Schema(name = "Checklist")
public record ChecklistView(List<Item> items) {

    @Serdeable
    @Schema(name = "ChecklistItem")
    public record Item(
            @Schema(example = "ID_CHECKED") String code,
            @Schema(example = "销售时查验购买人身份证件") String label,
            String description) {}
}
