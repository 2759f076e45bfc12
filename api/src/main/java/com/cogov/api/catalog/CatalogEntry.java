package com.cogov.api.catalog;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * A drug with what the public may read of it, as other features read the whole catalog (the public drug search keeps
 * a copy): never the entity.
 *
 * @param specialCategoryCode null for an ordinary drug
 * @param perSaleLimit        the drug's own limit, else its category's default; null when none applies
 */
public record CatalogEntry(
        long id,
        String name,
        String genericName,
        String maker,
        String strength,
        String dosageForm,
        String packageUnit,
        String approvalNumber,
        @Nullable String specialCategoryCode,
        boolean prescriptionOnly,
        @Nullable Integer perSaleLimit,
        List<String> barcodes) {}
