package com.cogov.api.catalog;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.SpecialCategoryView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.util.List;
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

    /** Any drug by id, retired ones too: old sales name them. */
    @ReadOnly
    Optional<DrugView> findById(long id) {
        return drugs.findById(id).map(drug -> view(drug, DrugView.MatchKind.COMMODITY_BARCODE));
    }

    private DrugView view(Drug drug, DrugView.MatchKind matchedBy) {
        SpecialCategory special = drug.specialCategoryCode() == null
                ? null
                : categories.findById(drug.specialCategoryCode()).orElse(null);
        List<String> codes = barcodes.findByDrugId(drug.id()).stream()
                .map(DrugBarcode::barcode)
                .sorted()
                .toList();
        return view(drug, special, codes, matchedBy);
    }

    /** The drug as every reader sees it; the per-sale limit that applies is its own, else its category's. */
    static DrugView view(
            Drug drug, @Nullable SpecialCategory special, List<String> barcodes, DrugView.MatchKind matchedBy) {
        SpecialCategoryView category = special == null
                ? null
                : new SpecialCategoryView(
                        special.code(),
                        special.name(),
                        special.psychotropicCategoryTwo(),
                        special.prescriptionRequired());
        // The limit that applies: the drug's own, else its category's (2 packages for ephedrine compounds).
        Integer perSaleLimit = drug.perSaleLimit() != null
                ? drug.perSaleLimit()
                : special == null ? null : special.defaultPerSaleLimit();
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
                barcodes,
                drug.productIdentifier(),
                matchedBy,
                drug.status());
    }
}
