package com.cogov.api.registration;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.registration.RegistrationRequest;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One line of a sale as the rules see it: the drug as the catalog knows it, and what the clerk sold of it.
 *
 * @param index the line's place in the request, for the field a finding names
 */
record SaleLine(
        int index,
        Drug drug,
        int quantity,
        @Nullable Integer prescribedQuantity,
        String batchNumber,
        List<String> traceCodes) {

    /**
     * What the rules need of a special compound preparation.
     *
     * @param prescriptionRequired the drug is prescription-only, or its category needs a prescription
     * @param perSaleLimit         most smallest packages one sale may hold without a prescription, if limited
     */
    record Drug(
            long id,
            String name,
            String category,
            String categoryName,
            boolean psychotropicCategoryTwo,
            boolean prescriptionRequired,
            @Nullable Integer perSaleLimit) {}

    /** A line of a request, with its drug as found in the catalog (which has a special category). */
    static SaleLine of(int index, DrugView drug, RegistrationRequest.Item item) {
        var category = drug.specialCategory();
        return new SaleLine(
                index,
                new Drug(
                        drug.id(),
                        drug.name(),
                        category.code(),
                        category.name(),
                        category.psychotropicCategoryTwo(),
                        drug.prescriptionOnly() || category.prescriptionRequired(),
                        drug.perSaleLimit()),
                item.quantity(),
                item.prescribedQuantity(),
                item.batchNumber().strip(),
                item.traceCodes() == null ? List.of() : item.traceCodes());
    }

    String category() {
        return drug.category();
    }
}
