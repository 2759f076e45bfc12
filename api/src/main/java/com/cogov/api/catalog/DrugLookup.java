package com.cogov.api.catalog;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.SpecialCategoryView;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.Optional;

/** The catalog as the database holds it: the truth behind {@link DrugCache}. */
@Singleton
class DrugLookup {

    private final DrugRepository drugs;
    private final DrugBarcodeRepository barcodes;
    private final SpecialCategoryRepository categories;

    DrugLookup(DrugRepository drugs, DrugBarcodeRepository barcodes, SpecialCategoryRepository categories) {
        this.drugs = drugs;
        this.barcodes = barcodes;
        this.categories = categories;
    }

    /**
     * The drug a valid code resolves to: a commodity barcode, or a traceability code by its product identifier. A
     * retired drug's codes resolve to nothing: it may not be sold any more.
     */
    @ReadOnly
    Optional<DrugView> find(Barcode code) {
        if (code.kind() == Barcode.Kind.TRACEABILITY_CODE) {
            return drugs.findByProductIdentifier(code.productIdentifier())
                    .filter(Drug::active)
                    .map(drug -> view(drug, DrugView.MatchKind.TRACEABILITY_CODE));
        }
        return barcodes.findById(code.value())
                .flatMap(barcode -> drugs.findById(barcode.drugId()))
                .filter(Drug::active)
                .map(drug -> view(drug, DrugView.MatchKind.COMMODITY_BARCODE));
    }

    /** Every special category, in code order: the choices of an import template and a category filter. */
    @ReadOnly
    java.util.List<SpecialCategoryView> specialCategories() {
        java.util.List<SpecialCategoryView> all = new java.util.ArrayList<>();
        categories
                .findAll()
                .forEach(c -> all.add(new SpecialCategoryView(
                        c.code(), c.name(), c.psychotropicCategoryTwo(), c.prescriptionRequired())));
        all.sort(java.util.Comparator.comparing(SpecialCategoryView::code));
        return all;
    }

    /** Any drug by id, retired ones too: old sales name them. */
    @ReadOnly
    Optional<DrugView> findById(long id) {
        return drugs.findById(id).map(drug -> view(drug, DrugView.MatchKind.COMMODITY_BARCODE));
    }

    private DrugView view(Drug drug, DrugView.MatchKind matchedBy) {
        Optional<SpecialCategory> special =
                drug.specialCategoryCode() == null ? Optional.empty() : categories.findById(drug.specialCategoryCode());
        SpecialCategoryView category = special.map(c -> new SpecialCategoryView(
                        c.code(), c.name(), c.psychotropicCategoryTwo(), c.prescriptionRequired()))
                .orElse(null);
        // The limit that applies: the drug's own, else its category's (2 packages for ephedrine compounds).
        Integer perSaleLimit = drug.perSaleLimit() != null
                ? drug.perSaleLimit()
                : special.map(SpecialCategory::defaultPerSaleLimit).orElse(null);
        return new DrugView(
                drug.id(),
                drug.name(),
                drug.genericName(),
                drug.maker(),
                drug.strength(),
                drug.dosageForm(),
                drug.packageUnit(),
                drug.approvalNumber(),
                category,
                drug.prescriptionOnly(),
                perSaleLimit,
                barcodes.findByDrugId(drug.id()).stream()
                        .map(DrugBarcode::barcode)
                        .sorted()
                        .toList(),
                drug.productIdentifier(),
                matchedBy,
                drug.status());
    }
}
