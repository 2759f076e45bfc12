package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;

/**
 * A special compound category with its counter rules (table {@code special_category}, domain-rules.md §1), as other
 * features read it.
 *
 * @param defaultPerSaleLimit most smallest packages a sale may hold without a prescription; null when the law sets none
 */
public record SpecialCategoryRules(
        String code,
        String name,
        boolean psychotropicCategoryTwo,
        boolean prescriptionRequired,
        @Nullable Integer defaultPerSaleLimit,
        String legalBasis) {}
