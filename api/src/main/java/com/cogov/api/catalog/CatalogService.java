package com.cogov.api.catalog;

import com.cogov.contracts.catalog.DrugView;
import com.cogov.contracts.catalog.SpecialCategoryView;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

/** The catalog feature's entry: drugs, their barcodes and special categories. */
@Singleton
public class CatalogService {

    private final DrugRepository drugs;
    private final DrugBarcodeRepository barcodes;
    private final SpecialCategoryRepository categories;

    CatalogService(DrugRepository drugs, DrugBarcodeRepository barcodes, SpecialCategoryRepository categories) {
        this.drugs = drugs;
        this.barcodes = barcodes;
        this.categories = categories;
    }

    /**
     * Resolves what a clerk scanned: a commodity barcode, or a traceability code by its product identifier.
     *
     * @throws InvalidBarcodeException when the code cannot be a barcode at all (shape or check digit)
     * @throws DrugNotFoundException   when it is valid but no drug carries it
     */
    @ReadOnly
    public DrugView findByCode(String rawCode) {
        Barcode code = Barcode.parse(rawCode);
        if (code.kind() == Barcode.Kind.TRACEABILITY_CODE) {
            return drugs.findByProductIdentifier(code.productIdentifier())
                    .map(drug -> view(drug, DrugView.MatchKind.TRACEABILITY_CODE))
                    .orElseThrow(() -> DrugNotFoundException.forBarcode(code.value()));
        }
        return barcodes.findById(code.value())
                .flatMap(barcode -> drugs.findById(barcode.drugId()))
                .map(drug -> view(drug, DrugView.MatchKind.COMMODITY_BARCODE))
                .orElseThrow(() -> DrugNotFoundException.forBarcode(code.value()));
    }

    /** A drug by its catalog id, as registrations refer to it. */
    @ReadOnly
    public DrugView findById(long id) {
        return drugs.findById(id).map(drug -> view(drug, DrugView.MatchKind.COMMODITY_BARCODE))
                .orElseThrow(() -> DrugNotFoundException.forId(id));
    }

    private DrugView view(Drug drug, DrugView.MatchKind matchedBy) {
        SpecialCategoryView category = drug.specialCategoryCode() == null ? null
                : categories.findById(drug.specialCategoryCode())
                        .map(c -> new SpecialCategoryView(c.code(), c.name(), c.psychotropicCategoryTwo(), c.prescriptionRequired()))
                        .orElse(null);
        return new DrugView(drug.id(), drug.name(), drug.genericName(), drug.maker(), drug.strength(), drug.dosageForm(),
                drug.packageUnit(), drug.approvalNumber(), category, drug.prescriptionOnly(), drug.perSaleLimit(),
                barcodes.findByDrugId(drug.id()).stream().map(DrugBarcode::barcode).sorted().toList(),
                drug.productIdentifier(), matchedBy);
    }
}
