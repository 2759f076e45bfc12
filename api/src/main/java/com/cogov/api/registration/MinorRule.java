package com.cogov.api.registration;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** Category II psychotropics are never sold to minors (law); for the rest, local policy decides (off, warn, block). */
@Singleton
class MinorRule implements SaleRule {

    static final int ADULT = 18;

    @Override
    public List<Finding> check(Sale sale, Policies policies) {
        OptionalInt age = sale.buyerAge();
        List<Finding> findings = new ArrayList<>();
        if (age.isEmpty() || age.getAsInt() >= ADULT) {
            return findings;
        }
        sale.lines().stream().map(SaleLine::drug).distinct().forEach(drug -> {
            String category = drug.category();
            if (drug.psychotropicCategoryTwo()) {
                findings.add(Finding.block("MINOR_CATEGORY_TWO", "第二类精神药品不得向未成年人销售", category, "buyer"));
            } else if (policies.of(category).minors() != CategoryPolicy.Mode.OFF) {
                findings.add(Finding.of(policies.of(category).minors(), "MINOR", "购买人未满18周岁", category));
            }
        });
        return findings;
    }
}
