package com.cogov.api.publicsearch;

import com.cogov.api.catalog.CatalogEntry;
import com.cogov.api.catalog.SpecialCategoryRules;
import com.cogov.contracts.publicsearch.PublicDrug;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/** A drug's public row, and for a special compound preparation its purchase rules in plain Chinese. */
final class DrugRows {

    private DrugRows() {}

    static PublicDrug row(CatalogEntry d, @Nullable SpecialCategoryRules category) {
        return new PublicDrug(
                d.id(),
                d.name(),
                d.genericName(),
                d.maker(),
                d.strength(),
                d.dosageForm(),
                d.packageUnit(),
                d.approvalNumber(),
                d.prescriptionOnly(),
                d.barcodes(),
                category == null ? null : new PublicDrug.SpecialCategory(category.code(), category.name()),
                category == null ? null : rules(d, category));
    }

    /**
     * domain-rules.md §1: every special compound sale is registered with the buyer's ID; ephedrine compounds at most
     * the per-sale number of smallest packages (2) without a prescription; Category II psychotropics on prescription
     * only and never to minors.
     */
    static PublicDrug.PurchaseRules rules(CatalogEntry d, SpecialCategoryRules category) {
        boolean prescription = d.prescriptionOnly() || category.prescriptionRequired();
        boolean notForMinors = category.psychotropicCategoryTwo();
        Integer max = prescription ? null : d.perSaleLimit();
        List<String> summary = new ArrayList<>();
        summary.add("购买时须出示本人居民身份证等有效身份证件，药店将登记购买信息");
        if (max != null) {
            summary.add("每次最多购买" + max + "个最小包装（" + max + d.packageUnit() + "）");
        }
        if (prescription) {
            summary.add("凭医师处方购买，按处方剂量销售");
        }
        if (notForMinors) {
            summary.add("不得向未成年人销售");
        }
        return new PublicDrug.PurchaseRules(
                true, max, prescription, notForMinors, List.copyOf(summary), category.legalBasis());
    }
}
