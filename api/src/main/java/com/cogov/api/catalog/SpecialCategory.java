package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("special_category")
record SpecialCategory(
        @Id String code,
        String name,
        boolean psychotropicCategoryTwo,
        boolean prescriptionRequired,
        @Nullable Integer defaultPerSaleLimit,
        String legalBasis) {}
