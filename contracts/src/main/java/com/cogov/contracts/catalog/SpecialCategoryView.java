package com.cogov.contracts.catalog;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A category of special compound preparation (含特殊药品复方制剂), with the rules that apply at the counter. */
@Serdeable
@Schema(name = "SpecialCategory")
public record SpecialCategoryView(
        String code,
        String name,

        @Schema(description = "A Category II psychotropic: prescription only, never to minors")
        boolean psychotropicCategoryTwo,

        boolean prescriptionRequired) {}
